"""The cluster path: extract events with dask, merge them in the store.

Extracting the events of an article is a pure function (``events.extract``),
so batches of articles are shipped to dask workers (a LocalCluster by
default, or a running ``dask.distributed`` scheduler) and come back as
mention frames, which the client stores batch by batch. Merging is done where
the mentions are stored, by ``EventStore.ingest``: one type family at a time,
from all the mentions, streamed from DuckDB (see ``timeline.store``), so the
result is the very frame the single-process path gives, whatever the batch
boundaries and the number of workers, and the client's memory does not grow
with the corpus.

    with dask_client(workers=4) as client:
        store.ingest(articles, mapper=dask_mapper(client, pipeline.extract))

At most a few batches per worker are in flight; the client reads the next
batch of articles only when one comes back, and sends each batch as data
(``scatter``) rather than inside the task, so memory stays flat however
large the corpus. Remote workers must be able to ``import timeline``.
"""
from __future__ import annotations

import collections
import contextlib
import logging
from collections.abc import Callable, Iterator

from .store import extract_batch

LOGGER = logging.getLogger(__name__)


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int = 2) -> Iterator:
    """A ``distributed.Client`` on ``scheduler`` (an address), or on a new LocalCluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the installation
        raise RuntimeError("the dask engine needs dask[distributed]: pip install 'dask[distributed]'") from None
    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    with LocalCluster(n_workers=max(1, int(workers)), threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        yield client


def dask_mapper(client, extract: Callable, *, in_flight: int | None = None,
                when_done: Callable[[], None] | None = None) -> Callable:
    """A mapper for ``EventStore.ingest``: runs ``extract_batch`` on the cluster, results in input order.
    ``when_done()`` is called once the last result is in (``release`` frees the cluster for the merge)."""
    if in_flight is None:
        workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
        in_flight = 2 * workers + 1

    def run(batches) -> Iterator:
        pending: collections.deque = collections.deque()
        for keyed in batches:
            if keyed:
                # the articles travel as data (scattered to a worker), not inside the task: a task graph
                # holding them is kept by the scheduler and the client long after the task is done, which
                # grew the client process by ~20 MB per 1,000 articles
                data = client.scatter([keyed], hash=False)[0]
                pending.append((keyed, client.submit(extract_batch, extract, data, pure=False), data))
            else:
                pending.append((keyed, None, None))
            while len(pending) >= in_flight:
                yield _collect(*pending.popleft())
        while pending:
            yield _collect(*pending.popleft())
        if when_done is not None:
            when_done()

    return run


def _collect(keyed, future, data):
    if future is None:
        return keyed, extract_batch(None, [])
    result = future.result()
    future.release()
    data.release()
    return keyed, result


def release(client) -> None:
    """Close the client and, when it runs on a LocalCluster of its own, the cluster: the workers' memory
    goes back before the merge, which runs in this process alone."""
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()

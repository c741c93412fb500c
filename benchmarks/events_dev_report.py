"""Side-by-side gold and predicted events for ../shared/events-dev, for error analysis.

    python benchmarks/events_dev_report.py [--kind acled|wcep|news_page] [--only-misses]

The score itself comes from the shared scorer:
    python ../shared/events-dev/score.py timeline_adapter:extract
"""
import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "events-dev"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(DEV))

import score  # noqa: E402
import timeline_adapter  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kind")
    ap.add_argument("--only-misses", action="store_true")
    args = ap.parse_args()
    for line in open(DEV / "gold.jsonl", encoding="utf-8"):
        item = json.loads(line)
        if args.kind and item["source_kind"] != args.kind:
            continue
        preds = timeline_adapter.extract(item["text"], item.get("published"))
        r = score.score_item(item["events"], preds)
        perfect = r["matched"] == r["gold"] == r["pred"] and r["date_ok"] == r["gold"] and r["loc_ok"] == r["loc_n"]
        if args.only_misses and perfect:
            continue
        print(f"=== {item['id']} pub={item.get('published')} matched={r['matched']}/{r['gold']} pred={r['pred']} "
              f"date_ok={r['date_ok']} loc_ok={r['loc_ok']}/{r['loc_n']}")
        print("   ", item["text"][:600].replace("\n", " "))
        for g in item["events"]:
            print(f"  G {g['date']} {g['type']:10} {g['actors']} @ {g.get('location')}")
        for p in preds:
            print(f"  P {p['date']} {p['type']:10} {p['actors']} @ {p.get('location')}")


if __name__ == "__main__":
    main()

"""The page's sections: the one part of the package that imports Streamlit.

``dashboard.py`` calls them in order: ``data`` (what is loaded: the sample
articles, uploads, pasted text, URLs, an event file), ``controls`` (the
sidebar filters and their round trip through the URL query string),
``views`` (summary, charts with linked selection, table, article view,
exports, data quality). ``highlight`` is pure: article text -> escaped HTML.
"""

"""The benchmark behind ``make bench``: seeds a throw-away database, serves it with gunicorn,
loads it with wrk and prints one table (see bench/README.md)."""

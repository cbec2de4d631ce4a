"""Backup and restore: the database's rows and the uploaded media in one file.

A backup is a gzipped tar holding ``manifest.json`` (when, the migrations it was taken at, rows
per model), ``data.exactjson`` (``dumpdata`` with natural keys and exact times, so it loads into
any empty database of either engine) and ``media/``. Restoring needs a migrated, empty database:
it refuses to merge into a site that already has posts or comments, and every table the backup
holds is replaced (rows that migrate seeded give way to the backup's).
"""

import io
import json
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import management
from django.core.cache import caches
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

# Rebuilt by migrate, or meaningless on another server: never carried over.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
]
# A target holding any of these is not empty: a restore never merges two sites.
CONTENT_MODELS = ("blog.Post", "comments.Comment")
FORMAT = "exactjson"  # ops.serializer, registered in settings.SERIALIZATION_MODULES


class RestoreError(Exception):
    pass


def _media_root():
    return Path(settings.MEDIA_ROOT)


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def create_backup(path):
    """Write the backup file; returns its manifest."""
    data = io.StringIO()
    management.call_command(
        "dumpdata",
        exclude=EXCLUDED,
        natural_foreign=True,
        natural_primary=True,
        format=FORMAT,
        stdout=data,
        verbosity=0,
    )
    rows = json.loads(data.getvalue() or "[]")
    manifest = {
        "created_at": timezone.now().isoformat(),
        "engine": connection.vendor,
        "migrations": sorted(
            f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
        ),
        "rows": dict(sorted(Counter(row["model"] for row in rows).items())),
    }
    with tarfile.open(path, "w:gz") as archive:
        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
        _add_bytes(archive, f"data.{FORMAT}", data.getvalue().encode())
        media = _media_root()
        if media.is_dir():
            archive.add(media, arcname="media")
    return manifest


def _safe_members(archive):
    """Only plain files and folders under known names: a backup never writes elsewhere."""
    for member in archive.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise RestoreError(f"unexpected entry in the backup: {member.name}")
        yield member


def restore_backup(path):
    """Load a backup into this (migrated, empty) database and media folder; returns its manifest."""
    for label in CONTENT_MODELS:
        if apps.get_model(label).objects.exists():
            raise RestoreError(f"this database already has {label} rows: restore into an empty one")
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(path, "r:gz") as archive:
        members = list(_safe_members(archive))
        archive.extractall(tmp, members=members, filter="data")
        manifest = json.loads((Path(tmp) / "manifest.json").read_text())
        applied = {f"{a}.{n}" for a, n in MigrationRecorder(connection).applied_migrations()}
        missing = sorted(set(manifest["migrations"]) - applied)
        if missing:
            raise RestoreError(f"run `manage.py migrate` first; not applied here: {missing[:5]}")
        with transaction.atomic():
            # What migrate seeded here (groups, crisis resources) gives way to the backup's rows.
            for label in manifest["rows"]:
                apps.get_model(label)._default_manager.all().delete()
            management.call_command("loaddata", str(Path(tmp) / f"data.{FORMAT}"), verbosity=0)
        media = Path(tmp) / "media"
        if media.is_dir():
            for source in media.rglob("*"):
                target = _media_root() / source.relative_to(media)
                if source.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(source.read_bytes())
    # Pages stored before the restore describe another database.
    for alias in ("default", "versions"):
        caches[alias].clear()
    return manifest

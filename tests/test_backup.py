"""Backups refuse what could harm the site they are restored onto."""

import io
import tarfile

import pytest

from ops.backup import RestoreError, create_backup, restore_backup
from tests.factories import PostFactory


def _archive_with(path, name):
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo(name)
        info.size = 2
        archive.addfile(info, io.BytesIO(b"hi"))


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["../outside.txt", "/etc/haven.env"])
def test_a_backup_entry_outside_its_folder_is_refused(tmp_path, name):
    _archive_with(tmp_path / "evil.tar.gz", name)
    with pytest.raises(RestoreError, match="unexpected entry"):
        restore_backup(tmp_path / "evil.tar.gz")
    assert not (tmp_path.parent / "outside.txt").exists()


@pytest.mark.django_db
def test_restoring_onto_a_site_with_posts_is_refused(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    PostFactory()
    create_backup(tmp_path / "site.tar.gz")
    with pytest.raises(RestoreError, match="empty"):
        restore_backup(tmp_path / "site.tar.gz")

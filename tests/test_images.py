"""Images uploaded in the admin: checked, upright, without metadata, resized, served, inserted."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as Pillow

from blog.markdown import render_markdown
from blog.models import Image
from blog.sanitize import sanitize_post_html

from .factories import PostFactory, UserFactory

GPS_IFD, ORIENTATION, MAKE = 0x8825, 0x0112, 0x010F


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def author_client(client, db):
    client.force_login(UserFactory(username="author", is_staff=True, is_superuser=True))
    return client


def picture(width, height, kind="JPEG", exif=None, **save_options):
    buffer = io.BytesIO()
    mode = "RGBA" if kind == "PNG" else "RGB"
    image = Pillow.new(mode, (width, height), (200, 120, 40))
    image.paste((20, 40, 200), (0, 0, width // 2, height // 4))  # a mark to see orientation
    if exif is not None:
        save_options["exif"] = exif
    image.save(buffer, format=kind, **save_options)
    return buffer.getvalue()


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_header_only(width, height):
    """A tiny PNG that claims ``width`` x ``height`` pixels: a decompression bomb's header."""

    def chunk(kind, data):
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def add_image(client, data, alt_text="A lamp on a table", **extra):
    fields = {"file": data, "alt_text": alt_text, "caption": "", **extra}
    return client.post(reverse("admin:blog_image_add"), fields)


def stored(name, media_root):
    return Pillow.open(media_root / name)


# Upload and resizing ----------------------------------------------------------------------


def test_an_upload_is_stored_at_sensible_widths_up_to_1600_px(author_client, media_root):
    response = add_image(author_client, upload(picture(2400, 1200)))
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (1600, 800)
    assert stored(image.file.name, media_root).size == (1600, 800)
    assert sorted(image.smaller) == ["480", "960"]
    assert stored(image.smaller["480"], media_root).size == (480, 240)
    assert stored(image.smaller["960"], media_root).size == (960, 480)
    assert image.file.name.startswith("images/") and image.file.name.endswith(".jpg")
    assert image.smallest_url.endswith("-480w.jpg")


def test_a_small_image_is_never_upscaled(author_client, media_root):
    add_image(author_client, upload(picture(600, 300)))
    image = Image.objects.get()
    assert (image.width, image.height) == (600, 300)
    assert list(image.smaller) == ["480"]
    assert image.srcset.endswith(f"{image.url} 600w")


def test_exif_orientation_is_applied_and_exif_and_gps_are_stripped(author_client, media_root):
    exif = Pillow.Exif()
    exif[ORIENTATION] = 6  # "rotate 90 degrees clockwise to show"
    exif[MAKE] = "Phone of the author"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (51.0, 30.0, 12.0)
    gps[3], gps[4] = "W", (0.0, 7.0, 40.0)
    original = picture(400, 200, exif=exif)
    assert Pillow.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test's premise

    add_image(author_client, upload(original))
    image = Image.objects.get()
    assert (image.width, image.height) == (200, 400)  # turned upright
    for name in [image.file.name, *image.smaller.values()]:
        data = (media_root / name).read_bytes()
        assert b"Exif" not in data and b"Phone of the author" not in data
        assert not Pillow.open(io.BytesIO(data)).getexif()


def test_png_text_chunks_are_stripped_and_transparency_kept(author_client, media_root):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Jane Doe, 12 Quiet Street")
    add_image(author_client, upload(picture(300, 200, "PNG", pnginfo=info), "a.png", "image/png"))
    image = Image.objects.get()
    data = (media_root / image.file.name).read_bytes()
    assert b"Quiet Street" not in data
    assert Pillow.open(io.BytesIO(data)).mode == "RGBA"


def test_deleting_an_image_removes_every_stored_size(author_client, media_root):
    add_image(author_client, upload(picture(1000, 500)))
    image = Image.objects.get()
    names = [image.file.name, *image.smaller.values()]
    assert all((media_root / name).exists() for name in names)
    image.delete()
    assert not any((media_root / name).exists() for name in names)


# Bad input: each with a clear admin error -------------------------------------------------


def test_a_file_that_is_not_an_image_is_refused_with_a_clear_admin_error(author_client):
    response = add_image(author_client, upload(b"%PDF-1.4 not a picture", "notes.pdf"))
    assert response.status_code == 200
    assert "This file is not an image we can read" in response.content.decode()
    assert not Image.objects.exists()


def test_a_decompression_bomb_is_refused_before_any_pixel_is_decoded(author_client):
    bomb = png_header_only(30_000, 30_000)
    assert len(bomb) < 100
    response = add_image(author_client, upload(bomb, "bomb.png", "image/png"))
    assert response.status_code == 200
    assert "This image is too large to process safely" in response.content.decode()
    assert not Image.objects.exists()


def test_an_image_over_the_pixel_cap_is_refused_with_its_size_named(author_client):
    response = add_image(author_client, upload(png_header_only(9000, 6000), "big.png"))
    page = response.content.decode()
    assert "This image is too large to process safely (9000 × 6000 pixels)" in page
    assert "at most 40 million pixels" in page
    assert not Image.objects.exists()


def test_a_file_over_the_size_cap_is_refused(author_client, settings):
    settings.IMAGE_MAX_BYTES = 1024 * 1024
    data = picture(200, 200) + b"\0" * (1024 * 1024)
    response = add_image(author_client, upload(data))
    assert "This file is larger than 1 MB" in response.content.decode()
    assert not Image.objects.exists()


def test_another_image_format_is_refused_by_name(author_client):
    response = add_image(author_client, upload(picture(50, 50, "GIF"), "a.gif", "image/gif"))
    assert "GIF images are not accepted. Upload a JPEG, PNG or WebP picture." in (
        response.content.decode()
    )


def test_missing_alt_text_is_refused_with_a_clear_admin_error(author_client):
    response = add_image(author_client, upload(picture(100, 100)), alt_text="   ")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Alt text is required: describe the picture for readers who cannot see it." in page
    assert not Image.objects.exists()


def test_the_alt_text_field_is_labelled_alt_text(author_client):
    page = author_client.get(reverse("admin:blog_image_add")).content.decode()
    assert '<label class="required" for="id_alt_text">Alt text:</label>' in page
    assert "A JPEG, PNG or WebP picture, up to 10 MB and 40 million pixels." in page


# Serving ----------------------------------------------------------------------------------


def test_uploads_are_served_under_make_run(author_client, settings):
    settings.SERVE_MEDIA = True
    add_image(author_client, upload(picture(500, 250)))
    image = Image.objects.get()
    response = author_client.get(image.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert image.url.startswith("/media/images/")


def test_django_leaves_media_to_nginx_in_production(author_client, settings):
    add_image(author_client, upload(picture(500, 250)))
    settings.SERVE_MEDIA = False
    assert author_client.get(Image.objects.get().url).status_code == 404


# Inserting into a post --------------------------------------------------------------------


def test_the_image_page_shows_the_markdown_to_paste(author_client):
    add_image(author_client, upload(picture(500, 250)), alt_text="A [lamp]")
    image = Image.objects.get()
    page = author_client.get(reverse("admin:blog_image_change", args=[image.pk])).content.decode()
    assert f"![A (lamp)]({image.url})" in page
    assert "Markdown to paste into a post" in page


def test_an_uploaded_image_in_markdown_gets_its_sizes_and_caption(author_client):
    add_image(author_client, upload(picture(2000, 1000)), caption="Morning light")
    image = Image.objects.get()
    html = render_markdown(f"Before\n\n{image.markdown}\n\nAfter")
    assert f'src="{image.url}"' in html
    assert f'srcset="{image.srcset}"' in html
    assert 'width="1600" height="800"' in html and 'loading="lazy"' in html
    assert 'alt="A lamp on a table"' in html
    assert "<figcaption>Morning light</figcaption></figure>" in html


def test_a_post_with_an_uploaded_image_keeps_it_and_its_srcset_on_save(author_client):
    add_image(author_client, upload(picture(1200, 600)))
    image = Image.objects.get()
    post = PostFactory(body="", body_markdown=image.markdown)
    post.refresh_from_db()
    assert f'srcset="{image.srcset}"' in post.body


def test_the_sanitiser_keeps_a_local_srcset_and_drops_a_remote_or_scripted_one():
    local = '<img src="/media/a.jpg" srcset="/media/a-480w.jpg 480w, /media/a.jpg 960w" alt="a">'
    assert 'srcset="/media/a-480w.jpg 480w, /media/a.jpg 960w"' in sanitize_post_html(local)
    for srcset in (
        "https://tracker.example/a.jpg 480w",
        "/media/a.jpg 480w, //tracker.example/b.jpg 960w",
        "javascript:alert(1) 1x",
    ):
        html = sanitize_post_html(f'<img src="/media/a.jpg" srcset="{srcset}" alt="a">')
        assert "srcset" not in html and 'src="/media/a.jpg"' in html


def test_a_remote_image_still_becomes_a_link():
    html = sanitize_post_html('<img src="https://old.example/wp-content/a.jpg" alt="Lamp">')
    link = '<a href="https://old.example/wp-content/a.jpg" rel="noopener noreferrer">[Lamp]</a>'
    assert html == link


def test_inserting_several_uploaded_images_costs_one_query(
    author_client, django_assert_max_num_queries
):
    for alt in ("One", "Two", "Three"):
        add_image(author_client, upload(picture(700, 350)), alt_text=alt)
    markdown = "\n\n".join(image.markdown for image in Image.objects.all())
    with django_assert_max_num_queries(1):
        html = render_markdown(markdown)
    assert html.count("srcset=") == 3

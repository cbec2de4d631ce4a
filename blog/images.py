"""Uploaded images: checked, turned upright, stripped of metadata and resized (Pillow).

What is stored is never the uploaded file itself: its EXIF block (camera serial numbers, GPS
position, time) would tell readers where the author lives. Every stored size is decoded and
re-encoded from pixels only. Widths are ``IMAGE_WIDTHS`` and never larger than the original.
"""

import io
import warnings
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext as _
from PIL import Image as PillowImage
from PIL import ImageOps

IMAGE_WIDTHS = (480, 960, 1600)
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
SIZES = "(max-width: 960px) 100vw, 960px"
ENCODER_OPTIONS = {
    "JPEG": {"quality": 85, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 85},
}


def check_upload(uploaded):
    """Refuse what Pillow should not decode: not an image, another format, or too many pixels.

    Reads the header only, so a decompression bomb (a small file that claims a huge picture)
    is refused before a single pixel is decoded.
    """
    if uploaded.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("This file is larger than %(megabytes)s MB: resize it and upload it again."),
            code="file_too_large",
            params={"megabytes": settings.IMAGE_MAX_BYTES // (1024 * 1024)},
        )
    position = uploaded.tell()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PillowImage.DecompressionBombWarning)
            with PillowImage.open(uploaded) as picture:
                kind, (width, height) = picture.format, picture.size
    except (PillowImage.DecompressionBombError, PillowImage.DecompressionBombWarning):
        raise _too_large()
    except Exception:
        raise ValidationError(
            _("This file is not an image we can read. Upload a JPEG, PNG or WebP picture."),
            code="invalid_image",
        )
    finally:
        uploaded.seek(position)
    if kind not in FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted. Upload a JPEG, PNG or WebP picture."),
            code="image_format",
            params={"format": kind},
        )
    if width * height > settings.IMAGE_MAX_PIXELS or max(width, height) > settings.IMAGE_MAX_SIDE:
        raise _too_large(width, height)


def _too_large(width=None, height=None):
    limits = {"pixels": settings.IMAGE_MAX_PIXELS // 1_000_000, "side": settings.IMAGE_MAX_SIDE}
    if width:
        message = _(
            "This image is too large to process safely (%(width)s × %(height)s pixels). "
            "Images may have at most %(pixels)s million pixels and %(side)s pixels on a side: "
            "resize it and upload it again."
        )
        return ValidationError(
            message, code="image_too_large", params={**limits, "width": width, "height": height}
        )
    message = _(
        "This image is too large to process safely. Images may have at most %(pixels)s million "
        "pixels and %(side)s pixels on a side: resize it and upload it again."
    )
    return ValidationError(message, code="image_too_large", params=limits)


@dataclass
class Prepared:
    """An upload made ready to store: the largest size, the smaller ones, and its extension."""

    extension: str
    main: bytes
    width: int
    height: int
    smaller: dict = field(default_factory=dict)  # width -> bytes


def prepare(uploaded):
    """Decode ``uploaded`` (already checked), turn it upright, and encode each width afresh."""
    check_upload(uploaded)
    with PillowImage.open(uploaded) as picture:
        kind = picture.format
        picture.load()
        upright = ImageOps.exif_transpose(picture)
    upright = _pixels_only(upright, kind)
    largest = min(upright.width, IMAGE_WIDTHS[-1])
    main = _resized(upright, largest)
    prepared = Prepared(FORMATS[kind], _encode(main, kind), main.width, main.height)
    for width in IMAGE_WIDTHS:
        if width < largest:
            prepared.smaller[width] = _encode(_resized(upright, width), kind)
    return prepared


def _pixels_only(picture, kind):
    """A new image holding only the pixels: no EXIF, XMP, text chunks or comments carried on."""
    mode = picture.mode
    if kind == "JPEG" and mode not in ("RGB", "L"):
        mode = "RGB"
    elif mode not in ("RGB", "RGBA", "L", "LA"):
        mode = "RGBA" if "transparency" in picture.info or "A" in mode else "RGB"
    converted = picture.convert(mode)
    clean = PillowImage.new(converted.mode, converted.size)
    clean.paste(converted)
    return clean


def _resized(picture, width):
    if width >= picture.width:
        return picture
    height = max(1, round(picture.height * width / picture.width))
    return picture.resize((width, height), PillowImage.Resampling.LANCZOS)


def _encode(picture, kind):
    out = io.BytesIO()
    picture.save(out, format=kind, **ENCODER_OPTIONS[kind])
    return out.getvalue()


def image_tag_for(image, alt):
    """The ``<img>`` for an uploaded image: every stored size in ``srcset``, lazy, sized."""
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="lazy">',
        image.url,
        image.srcset,
        SIZES,
        image.width,
        image.height,
        alt,
    )

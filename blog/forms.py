"""Admin forms for authors: a post written in Markdown with a live preview, and image uploads."""

from django import forms
from django.conf import settings
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .images import check_upload
from .markdown import render_markdown
from .models import ALT_TEXT_REQUIRED, Image, Post


class MarkdownTextarea(forms.Textarea):
    """A textarea for Markdown, followed by a labelled live preview of the sanitised post.

    ``static/js/markdown_preview.js`` (loaded by this widget, so only on the post's change
    form) sends the text to the staff-only preview view and shows what readers will see.
    """

    class Media:
        css = {"all": ["css/markdown_preview.css"]}
        js = ["js/markdown_preview.js"]

    def __init__(self, preview_url, attrs=None):
        super().__init__({"rows": 20, **(attrs or {})})
        self.preview_url = preview_url

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        region = f"{attrs.get('id') or 'id_' + name}-preview"
        attrs.update({"data-preview-url": str(self.preview_url), "data-preview-region": region})
        textarea = super().render(name, value, attrs, renderer)
        return textarea + format_html(
            '<div class="markdown-preview">'
            '<p class="markdown-preview-label" id="{0}-label">{1}</p>'
            '<div class="markdown-preview-body" id="{0}" role="region" aria-labelledby="{0}-label" '
            'aria-live="polite" data-failed="{2}" data-empty="{3}"><p>{3}</p></div>'
            "</div>",
            region,
            _("Preview (what readers will see)"),
            _("The preview could not be updated. Your text is safe; saving still works."),
            _("Type some Markdown to see it here."),
        )


class PostAdminForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = [
            "title",
            "slug",
            "body_markdown",
            "body",
            "excerpt",
            "author",
            "status",
            "published_at",
            "categories",
            "tags",
            "comments_open",
            "sensitive_topics",
        ]
        widgets = {
            "body_markdown": MarkdownTextarea(reverse_lazy("admin:blog_post_markdown_preview")),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].required = False

    def clean(self):
        data = super().clean()
        if (data.get("body_markdown") or "").strip():
            data["body"] = render_markdown(data["body_markdown"])
        elif not (data.get("body") or "").strip():
            self.add_error("body", _("Write the post, in Markdown above or in HTML here."))
        return data


class CheckedImageField(forms.ImageField):
    """An image field that refuses a decompression bomb or a huge picture with a clear message.

    Django's own check decodes the picture and calls every failure "not an image"; the header
    is read first here (blog.images.check_upload), so the author learns what was wrong.
    """

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        check_upload(upload)
        return super().to_python(data)


class ImageAdminForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption"]
        field_classes = {"file": CheckedImageField}
        error_messages = {"alt_text": {"required": ALT_TEXT_REQUIRED}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" not in self.fields:  # shown read-only once uploaded
            return
        self.fields["file"].help_text = _(
            "A JPEG, PNG or WebP picture, up to %(megabytes)s MB and %(pixels)s million pixels. "
            "It is stored upright, without its metadata (camera, GPS position), at widths up to "
            "1,600 px."
        ) % {
            "megabytes": settings.IMAGE_MAX_BYTES // (1024 * 1024),
            "pixels": settings.IMAGE_MAX_PIXELS // 1_000_000,
        }

"""Posts, their categories and tags, and the owner's site settings."""

from pathlib import PurePath

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _

from pagecache.versions import SITE_SETTINGS_VERSION, kept

from .images import prepare
from .markdown import render_markdown
from .sanitize import sanitize_post_html


class Category(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:category", args=[self.slug])


class Tag(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PostQuerySet(models.QuerySet):
    def published(self):
        """Posts a reader may see: not drafts, and their publish time has come.

        A scheduled post needs no job to appear: it is simply filtered in once its time passes.
        """
        return self.filter(
            status__in=[Post.Status.PUBLISHED, Post.Status.SCHEDULED],
            published_at__lte=timezone.now(),
        )

    def next_publication(self):
        """When the next scheduled post appears (None if none is waiting)."""
        return (
            self.filter(status__in=[Post.Status.PUBLISHED, Post.Status.SCHEDULED])
            .filter(published_at__gt=timezone.now())
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )

    def search(self, query):
        """Full-text search on PostgreSQL, a plain contains search elsewhere."""
        query = query.strip()
        if not query:
            return self.none()
        if self.db_is_postgres():
            from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

            vector = SearchVector("title", weight="A") + SearchVector("body", weight="B")
            search_query = SearchQuery(query, search_type="websearch")
            return (
                self.annotate(rank=SearchRank(vector, search_query))
                .filter(rank__gt=0)
                .order_by("-rank", "-published_at")
            )
        return self.filter(models.Q(title__icontains=query) | models.Q(body__icontains=query))

    def db_is_postgres(self):
        from django.db import connections

        return connections[self.db].vendor == "postgresql"


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=250)
    slug = models.SlugField(max_length=250, unique=True)
    body_markdown = models.TextField(
        _("Markdown"),
        blank=True,
        help_text=_(
            "Write the post here in Markdown: # or ## for a heading, > for a quote, - for a list, "
            "[words](address) for a link, *emphasis*. When this is filled, the HTML below is "
            "made from it on save."
        ),
    )
    body = models.TextField(
        help_text=_(
            "HTML, made from the Markdown above when that is filled. Sanitised on save either "
            "way: scripts and event handlers go."
        ),
    )
    excerpt = models.TextField(blank=True, help_text="Shown on lists; the body's start if empty.")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        default=timezone.now, help_text="A future time makes the post appear by itself then."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    categories = models.ManyToManyField(Category, blank=True, related_name="posts")
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts")
    comments_open = models.BooleanField(default=True)
    sensitive_topics = models.BooleanField(
        default=False,
        help_text="Touches suicide, self-harm or abuse: pins a support note above the comments.",
    )
    # Kept by comments.tree.recount() at every change of the post's comments.
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    comment_thread_count = models.PositiveIntegerField(default=0, editable=False)
    # Where an imported post came from (transfer.importers.item_key): the same file imported
    # again finds it here, never by its slug.
    import_key = models.CharField(
        max_length=200, null=True, blank=True, unique=True, editable=False
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = self.rendered_body()
        if not self.slug:
            self.slug = slugify(self.title)[:250] or "post"
        if self.status == self.Status.PUBLISHED and self.published_at > timezone.now():
            self.status = self.Status.SCHEDULED
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        local = timezone.localtime(self.published_at)
        return reverse(
            "blog:post",
            kwargs={"year": local.year, "month": f"{local.month:02d}", "slug": self.slug},
        )

    def rendered_body(self):
        """The sanitised HTML a reader sees: made from the Markdown when there is some."""
        if self.body_markdown.strip():
            return render_markdown(self.body_markdown)
        return sanitize_post_html(self.body)

    @property
    def is_public(self):
        return self.status != self.Status.DRAFT and self.published_at <= timezone.now()

    @property
    def summary(self):
        return self.excerpt or Truncator(strip_tags(self.body)).words(50)


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def in_nav(self):
        return self.published().filter(show_in_nav=True).order_by("order", "title")


class Page(models.Model):
    """A page that stands outside the stream of posts: About, Contact, how the practice works."""

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("The page's address: /pages/<slug>/")
    )
    body = models.TextField(_("body"), help_text=_("HTML, sanitised on save like a post's."))
    published = models.BooleanField(_("published"), default=False)
    order = models.IntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first in the navigation.")
    )
    show_in_nav = models.BooleanField(
        _("show in navigation"), default=False, help_text=_("A link in the site's header.")
    )
    updated_at = models.DateTimeField(auto_now=True)
    import_key = models.CharField(
        max_length=200, null=True, blank=True, unique=True, editable=False
    )  # as Post.import_key

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_post_html(self.body)
        if not self.slug:
            self.slug = slugify(self.title)[:100] or "page"
        super().save(*args, **kwargs)
        SiteSettings.refresh_nav()

    def get_absolute_url(self):
        return reverse("blog:page", args=[self.slug])

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        SiteSettings.refresh_nav()
        return result


class SiteSettings(models.Model):
    """The owner's words and links, edited in the admin without a deploy. One row."""

    CACHE_KEY = "site-settings:v1"

    site_name = models.CharField(max_length=100, default="Haven")
    tagline = models.CharField(
        max_length=200,
        blank=True,
        default="a quiet place to read and talk about hard things",
        help_text='The announcement line reads "<site name> ~ <tagline>".',
    )
    footer_disclaimer = models.TextField(
        blank=True,
        default=(
            "This site is for information only. Reading it or commenting here does not create a "
            "therapeutic relationship."
        ),
    )
    copyright_holder = models.CharField(max_length=100, blank=True)
    default_region = models.CharField(
        max_length=4, default="US", help_text="ISO country code used when the reader's is unknown."
    )
    linkedin_url = models.URLField(blank=True)
    facebook_url = models.URLField(blank=True)
    pinterest_url = models.URLField(blank=True)
    youtube_url = models.URLField(blank=True)
    twitter_url = models.URLField("Twitter/X URL", blank=True)
    instagram_url = models.URLField(blank=True)
    show_rss_link = models.BooleanField(default=True)
    # The header's page links, [[title, url], ...], kept by Page.save(): every page shows them,
    # so they come with the settings row every page reads anyway, never from a query of their own.
    nav_pages = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = "site settings"

    def __str__(self):
        return "Site settings"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        SITE_SETTINGS_VERSION.bump_now_and_on_commit()

    @classmethod
    def load(cls):
        """The settings row, from the cache when possible (read on every page)."""
        return kept(
            cache,
            cls.CACHE_KEY,
            [SITE_SETTINGS_VERSION.get()],  # bumped by save(), seen by every worker
            # Unsaved defaults until the owner saves: reading a page never writes.
            lambda: cls.objects.filter(pk=1).first() or cls(pk=1),
            3600,
        )

    @classmethod
    def refresh_nav(cls):
        """Store the published pages marked for the navigation on the settings row."""
        links = [[page.title, page.get_absolute_url()] for page in Page.objects.in_nav()]
        row = cls.objects.filter(pk=1).first() or cls(pk=1)
        if row.nav_pages != links or row._state.adding:
            row.nav_pages = links
            row.save()  # bumps the settings version: every stored page shows the new links

    @property
    def social_links(self):
        links = [
            ("LinkedIn", self.linkedin_url),
            ("Facebook", self.facebook_url),
            ("Pinterest", self.pinterest_url),
            ("YouTube", self.youtube_url),
            ("Twitter/X", self.twitter_url),
            ("Instagram", self.instagram_url),
        ]
        return [(label, url) for label, url in links if url]


class ImageQuerySet(models.QuerySet):
    def for_urls(self, urls):
        """``{url: Image}`` for those of ``urls`` that point at an uploaded image."""
        prefixes = [settings.MEDIA_URL, settings.SITE_URL + settings.MEDIA_URL]
        names = {}
        for url in urls:
            for prefix in prefixes:
                if url.startswith(prefix):
                    names[url[len(prefix) :]] = url
        if not names:
            return {}
        return {names[image.file.name]: image for image in self.filter(file__in=names)}


ALT_TEXT_REQUIRED = _("Alt text is required: describe the picture for readers who cannot see it.")


class Image(models.Model):
    """A picture for posts, stored upright, without metadata, in a few widths (blog.images)."""

    file = models.ImageField(_("image file"), upload_to="images/%Y/%m/")
    alt_text = models.CharField(
        _("Alt text"),
        max_length=300,
        help_text=_("What the picture shows, for readers who cannot see it."),
        error_messages={"blank": ALT_TEXT_REQUIRED},
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    # Smaller stored widths: {"480": "images/2026/12/name-480w.jpg", ...}
    smaller = models.JSONField(default=dict, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt_text

    def save(self, *args, **kwargs):
        # Posts link to the stored names, so a stored picture is never replaced (the admin
        # shows the file read-only once uploaded); a new picture is a new Image.
        if self.file and not self.file._committed:
            self._store_sizes()
        super().save(*args, **kwargs)

    def _store_sizes(self):
        prepared = prepare(self.file)
        stem = slugify(PurePath(self.file.name).stem)[:60] or "image"
        field, storage = self.file.field, self.file.storage
        self.smaller = {
            str(width): storage.save(
                field.generate_filename(self, f"{stem}-{width}w.{prepared.extension}"),
                ContentFile(data),
            )
            for width, data in prepared.smaller.items()
        }
        self.file = ContentFile(prepared.main, name=f"{stem}.{prepared.extension}")
        self.width, self.height = prepared.width, prepared.height

    def delete_files(self):
        """Remove every stored size (called once the row is deleted)."""
        if self.file:
            for name in [self.file.name, *self.smaller.values()]:
                self.file.storage.delete(name)

    @property
    def url(self):
        return self.file.url

    @property
    def smallest_url(self):
        if not self.smaller:
            return self.url
        return self.file.storage.url(self.smaller[min(self.smaller, key=int)])

    @property
    def srcset(self):
        storage = self.file.storage
        sizes = sorted((int(width), name) for width, name in self.smaller.items())
        candidates = [f"{storage.url(name)} {width}w" for width, name in sizes]
        return ", ".join([*candidates, f"{self.url} {self.width}w"])

    @property
    def markdown(self):
        """What to paste into a post's Markdown to show this image."""
        alt = self.alt_text.replace("[", "(").replace("]", ")")
        return f"![{alt}]({self.url})"

"""Posts, their categories and tags, and the owner's site settings."""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify

from pagecache.versions import SITE_SETTINGS_VERSION, kept

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
    body = models.TextField(help_text="HTML. Sanitised on save: scripts and event handlers go.")
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

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_post_html(self.body)
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

    @property
    def is_public(self):
        return self.status != self.Status.DRAFT and self.published_at <= timezone.now()

    @property
    def summary(self):
        return self.excerpt or Truncator(strip_tags(self.body)).words(50)


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

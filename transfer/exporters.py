"""Write every post and comment as a WordPress export (WXR 1.2), streamed.

WordPress's importer reads it, and so does ours (``import_wxr``): each comment carries its
import key in a ``_haven_key`` comment meta, so importing an export back into the same site
changes nothing. The file holds commenters' email addresses: it is a backup for the site's
owner, never something to publish. IP hashes are not exported.
"""

import re
from datetime import UTC
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.feedgenerator import rfc2822_date

from blog.models import Category, Post, SiteSettings, Tag
from comments.models import Comment

WXR_NAMESPACE = "http://wordpress.org/export/1.2/"
POST_STATUS = {
    Post.Status.PUBLISHED: "publish",
    Post.Status.SCHEDULED: "future",
    Post.Status.DRAFT: "draft",
}
COMMENT_STATUS = {
    Comment.Status.APPROVED: "1",
    Comment.Status.PENDING: "0",
    Comment.Status.SPAM: "spam",
    Comment.Status.REMOVED: "trash",
}
# XML 1.0 cannot carry these even inside CDATA.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def cdata(text):
    """``text`` as CDATA; a "]]>" inside is split across two sections so it survives."""
    text = _NOT_XML.sub("", str(text or ""))
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text(value):
    return escape(_NOT_XML.sub("", str(value or "")))


def wp_date(value, *, gmt):
    if value is None:
        return "0000-00-00 00:00:00"
    value = value.astimezone(UTC) if gmt else timezone.localtime(value)
    return value.strftime("%Y-%m-%d %H:%M:%S")


def export_wxr(out):
    """Write the whole site to the text stream ``out``; returns (posts, comments) written."""
    site = SiteSettings.load()
    base = settings.SITE_URL
    out.write(
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        f'<!-- generator="Haven" created="{wp_date(timezone.now(), gmt=True)}" -->\n'
        '<rss version="2.0"\n'
        '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
        '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        f'\txmlns:wp="{WXR_NAMESPACE}"\n>\n<channel>\n'
        f"\t<title>{text(site.site_name)}</title>\n\t<link>{text(base)}</link>\n"
        f"\t<description>{text(site.tagline)}</description>\n"
        f"\t<pubDate>{rfc2822_date(timezone.now())}</pubDate>\n"
        f"\t<language>{text(settings.LANGUAGE_CODE)}</language>\n"
        "\t<wp:wxr_version>1.2</wp:wxr_version>\n"
        f"\t<wp:base_site_url>{text(base)}</wp:base_site_url>\n"
        f"\t<wp:base_blog_url>{text(base)}</wp:base_blog_url>\n"
    )
    _write_authors(out)
    _write_terms(out)
    out.write("\t<generator>Haven</generator>\n")
    posts = comments = 0
    queryset = Post.objects.select_related("author").prefetch_related(
        Prefetch("categories", queryset=Category.objects.only("slug", "name")),
        Prefetch("tags", queryset=Tag.objects.only("slug", "name")),
    )
    for post in queryset.order_by("pk").iterator(chunk_size=200):
        comments += _write_post(out, post)
        posts += 1
    out.write("</channel>\n</rss>\n")
    return posts, comments


def _write_authors(out):
    authors = get_user_model().objects.filter(Q(posts__isnull=False) | Q(comment__isnull=False))
    authors = authors.distinct().order_by("pk")
    for user in authors:
        out.write(
            f"\t<wp:author><wp:author_id>{user.pk}</wp:author_id>"
            f"<wp:author_login>{cdata(user.get_username())}</wp:author_login>"
            f"<wp:author_email>{cdata(user.email)}</wp:author_email>"
            f"<wp:author_display_name>{cdata(user.get_full_name() or user.get_username())}"
            "</wp:author_display_name>"
            f"<wp:author_first_name>{cdata(user.first_name)}</wp:author_first_name>"
            f"<wp:author_last_name>{cdata(user.last_name)}</wp:author_last_name></wp:author>\n"
        )


def _write_terms(out):
    for category in Category.objects.order_by("pk"):
        out.write(
            f"\t<wp:category><wp:term_id>{category.pk}</wp:term_id>"
            f"<wp:category_nicename>{cdata(category.slug)}</wp:category_nicename>"
            "<wp:category_parent></wp:category_parent>"
            f"<wp:cat_name>{cdata(category.name)}</wp:cat_name>"
            f"<wp:category_description>{cdata(category.description)}"
            "</wp:category_description></wp:category>\n"
        )
    for tag in Tag.objects.order_by("pk"):
        out.write(
            f"\t<wp:tag><wp:term_id>{tag.pk}</wp:term_id><wp:tag_slug>{cdata(tag.slug)}"
            f"</wp:tag_slug><wp:tag_name>{cdata(tag.name)}</wp:tag_name></wp:tag>\n"
        )


def _write_post(out, post):
    link = settings.SITE_URL + post.get_absolute_url()
    out.write(
        "\t<item>\n"
        f"\t\t<title>{cdata(post.title)}</title>\n\t\t<link>{text(link)}</link>\n"
        f"\t\t<pubDate>{rfc2822_date(post.published_at)}</pubDate>\n"
        f"\t\t<dc:creator>{cdata(post.author.get_username())}</dc:creator>\n"
        f'\t\t<guid isPermaLink="false">{text(settings.SITE_URL)}/?p={post.pk}</guid>\n'
        "\t\t<description></description>\n"
        f"\t\t<content:encoded>{cdata(post.body)}</content:encoded>\n"
        f"\t\t<excerpt:encoded>{cdata(post.excerpt)}</excerpt:encoded>\n"
        f"\t\t<wp:post_id>{post.pk}</wp:post_id>\n"
        f"\t\t<wp:post_date>{cdata(wp_date(post.published_at, gmt=False))}</wp:post_date>\n"
        f"\t\t<wp:post_date_gmt>{cdata(wp_date(post.published_at, gmt=True))}"
        "</wp:post_date_gmt>\n"
        f"\t\t<wp:post_modified>{cdata(wp_date(post.updated_at, gmt=False))}"
        "</wp:post_modified>\n"
        f"\t\t<wp:post_modified_gmt>{cdata(wp_date(post.updated_at, gmt=True))}"
        "</wp:post_modified_gmt>\n"
        f"\t\t<wp:comment_status>{cdata('open' if post.comments_open else 'closed')}"
        "</wp:comment_status>\n"
        "\t\t<wp:ping_status><![CDATA[closed]]></wp:ping_status>\n"
        f"\t\t<wp:post_name>{cdata(post.slug)}</wp:post_name>\n"
        f"\t\t<wp:status>{cdata(POST_STATUS.get(post.status, 'draft'))}</wp:status>\n"
        "\t\t<wp:post_parent>0</wp:post_parent>\n\t\t<wp:menu_order>0</wp:menu_order>\n"
        "\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n"
        "\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n"
        "\t\t<wp:is_sticky>0</wp:is_sticky>\n"
        # Where the post came from, so importing this file again finds it (never by slug).
        f"\t\t<wp:postmeta><wp:meta_key>{cdata('_haven_key')}</wp:meta_key>"
        f"<wp:meta_value>{cdata(post_key(post))}</wp:meta_value></wp:postmeta>\n"
    )
    for domain, terms in (("category", post.categories.all()), ("post_tag", post.tags.all())):
        for term in terms:
            out.write(
                f"\t\t<category domain={quoteattr(domain)} nicename={quoteattr(term.slug)}>"
                f"{cdata(term.name)}</category>\n"
            )
    count = 0
    comments = Comment.objects.filter(post=post).order_by("pk")
    for comment in comments.iterator(chunk_size=500):
        _write_comment(out, comment)
        count += 1
    out.write("\t</item>\n")
    return count


def post_key(post):
    """The key an import of this export gives the post: its own, or this site's and its id."""
    return post.import_key or f"haven:{settings.SITE_URL}:{post.pk}"


def _write_comment(out, comment):
    key = comment.import_key or f"haven:{settings.SITE_URL}:{comment.pk}"
    out.write(
        "\t\t<wp:comment>\n"
        f"\t\t\t<wp:comment_id>{comment.pk}</wp:comment_id>\n"
        f"\t\t\t<wp:comment_author>{cdata(comment.author_name)}</wp:comment_author>\n"
        f"\t\t\t<wp:comment_author_email>{cdata(comment.author_email)}"
        "</wp:comment_author_email>\n"
        f"\t\t\t<wp:comment_author_url>{text(comment.author_url)}</wp:comment_author_url>\n"
        "\t\t\t<wp:comment_author_IP><![CDATA[]]></wp:comment_author_IP>\n"
        f"\t\t\t<wp:comment_date>{cdata(wp_date(comment.created_at, gmt=False))}"
        "</wp:comment_date>\n"
        f"\t\t\t<wp:comment_date_gmt>{cdata(wp_date(comment.created_at, gmt=True))}"
        "</wp:comment_date_gmt>\n"
        f"\t\t\t<wp:comment_content>{cdata(comment.body)}</wp:comment_content>\n"
        f"\t\t\t<wp:comment_approved>{cdata(COMMENT_STATUS[comment.status])}"
        "</wp:comment_approved>\n"
        "\t\t\t<wp:comment_type><![CDATA[comment]]></wp:comment_type>\n"
        f"\t\t\t<wp:comment_parent>{comment.parent_id or 0}</wp:comment_parent>\n"
        f"\t\t\t<wp:comment_user_id>{comment.user_id or 0}</wp:comment_user_id>\n"
        f"{_meta('_haven_key', key)}"
        f"{_meta('_haven_staff_reply', '1') if comment.is_staff_reply else ''}"
        f"{_meta('_haven_content_note', '1') if comment.content_note else ''}"
        "\t\t</wp:comment>\n"
    )


def _meta(key, value):
    return (
        f"\t\t\t<wp:commentmeta><wp:meta_key>{cdata(key)}</wp:meta_key>"
        f"<wp:meta_value>{cdata(value)}</wp:meta_value></wp:commentmeta>\n"
    )

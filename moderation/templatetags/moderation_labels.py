"""Template access to moderation.labels: stored English codes shown in moderators' words."""

from django import template

from moderation.labels import category_labels

register = template.Library()


@register.filter(name="category_labels")
def category_labels_filter(codes):
    """``comment.crisis_categories|category_labels``: the detector's categories in words."""
    return category_labels(codes)

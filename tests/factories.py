"""factory_boy factories for the models tests touch most."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from blog.models import Category, Post
from comments.models import Comment


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class ModeratorFactory(UserFactory):
    class Meta:
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"moderator{n}")
    is_staff = True

    @factory.post_generation
    def moderators_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name="Moderators"))


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    title = factory.Sequence(lambda n: f"Post number {n}")
    slug = factory.Sequence(lambda n: f"post-number-{n}")
    body = "<p>A first paragraph about endings.</p><p>A second one.</p>"
    author = factory.SubFactory(UserFactory)
    status = Post.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))


class CommentFactory(factory.django.DjangoModelFactory):
    """An approved top-level comment unless told otherwise; replies take ``parent``."""

    class Meta:
        model = Comment

    post = factory.SubFactory(PostFactory)
    author_name = factory.Sequence(lambda n: f"Reader {n}")
    author_email = factory.Sequence(lambda n: f"reader{n}@example.org")
    body = factory.Sequence(lambda n: f"Comment text number {n}.")
    status = Comment.Status.APPROVED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        parent = kwargs.get("parent")
        if parent is not None:
            kwargs["post"] = parent.post  # a reply lives on its parent's post
            kwargs["root_id"] = parent.root_id or parent.pk
            kwargs["depth"] = parent.depth + 1
        return super()._create(model_class, *args, **kwargs)

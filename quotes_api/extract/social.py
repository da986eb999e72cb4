"""Embedded social posts: a paragraph closing ``— Name (@handle) Month D, YYYY``."""

from dataclasses import dataclass

from .resources import SOCIAL_SIGNATURE


@dataclass(frozen=True)
class Post:
    start: int  # the post's words, without the signature
    end: int
    author: str  # the display name, or the handle when the name is empty
    handle: str
    signature_start: int


def find_posts(text, paragraphs):
    """Return the embedded posts among the paragraphs.

    >>> t = "Go vote! — Jane Roe (@janeroe) November 3, 2020"
    >>> from quotes_api.extract.marks import split_paragraphs
    >>> [(t[p.start:p.end], p.author) for p in find_posts(t, split_paragraphs(t))]
    [('Go vote!', 'Jane Roe')]
    """
    posts = []
    for paragraph in paragraphs:
        chunk = text[paragraph.start : paragraph.end]
        match = SOCIAL_SIGNATURE.search(chunk)
        if not match or match.start() == 0:
            continue
        end = paragraph.start + match.start()
        start = paragraph.start
        while end > start and text[end - 1].isspace():
            end -= 1
        author = (match["name"] or "").strip() or "@" + match["handle"]
        posts.append(Post(start, end, author, match["handle"], paragraph.start + match.start()))
    return posts

"""Fetching URLs: only http(s), no private addresses unless allowed, redirects checked, limits kept."""

from __future__ import annotations

import pytest

from letopis.errors import InputError
from letopis.ingest.fetch import FetchPolicy, fetch
from tests.store.webserver import Site

LOCAL = FetchPolicy(allow_private=True, timeout=5)


@pytest.fixture
def site():
    s = Site().start()
    yield s
    s.stop()


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "gopher://example.org/",
                                 "javascript:alert(1)", "http:///nohost"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(InputError, match="only http and https|no host"):
        fetch(url, LOCAL)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/", "http://localhost:9/", "http://10.1.2.3/",
                                 "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data/",
                                 "http://[::1]:9/", "http://0.0.0.0:9/", "https://172.16.0.5/"])
def test_private_and_loopback_addresses_are_refused_by_default(url):
    with pytest.raises(InputError, match="private, loopback or reserved"):
        fetch(url, FetchPolicy())


def test_a_page_is_fetched_following_redirects(site):
    site.add("/final", "<html><body>готово</body></html>")
    site.redirect("/old", "/middle")
    site.redirect("/middle", f"{site.base}/final")
    page = fetch(f"{site.base}/old", LOCAL)
    assert page.url == f"{site.base}/final" and "готово" in page.body.decode()
    assert page.content_type.startswith("text/html")


def test_redirect_loops_and_long_chains_fail(site):
    site.redirect("/a", "/b")
    site.redirect("/b", "/a")
    with pytest.raises(InputError, match="redirect loop"):
        fetch(f"{site.base}/a", LOCAL)
    for i in range(8):
        site.redirect(f"/r{i}", f"/r{i + 1}")
    with pytest.raises(InputError, match="more than 5 redirects"):
        fetch(f"{site.base}/r0", LOCAL)


def test_a_redirect_to_another_scheme_is_refused(site):
    site.redirect("/to-file", "file:///etc/passwd")
    with pytest.raises(InputError, match="only http and https"):
        fetch(f"{site.base}/to-file", LOCAL)


def test_error_statuses_say_which(site):
    site.add("/boom", "ошибка", status=500)
    with pytest.raises(InputError, match="HTTP 404"):
        fetch(f"{site.base}/missing", LOCAL)
    with pytest.raises(InputError, match="HTTP 500"):
        fetch(f"{site.base}/boom", LOCAL)


def test_slow_and_big_responses_are_cut_off(site):
    site.add("/slow", "поздно")
    with pytest.raises(InputError, match="timed out"):
        fetch(f"{site.base}/slow", FetchPolicy(allow_private=True, timeout=0.5))
    site.add("/big", b"x" * 300_000)
    with pytest.raises(InputError, match="larger than"):
        fetch(f"{site.base}/big", FetchPolicy(allow_private=True, max_bytes=100_000))


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://0.0.0.0:9/",
                                 "http://224.0.0.1/"])
def test_link_local_multicast_and_unspecified_are_refused_even_when_private_is_allowed(url):
    with pytest.raises(InputError, match="never fetched"):
        fetch(url, LOCAL)

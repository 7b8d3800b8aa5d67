from __future__ import annotations

import codecs

import pytest

import cleaner
from cleaner.decode import decode, sniff_format
from cleaner.errors import Rejection
from cleaner.model import Format

TEXT = "Zürich: Die Verhandlungen über den Haushalt gehen weiter, sagte die Ministerin am Dienstag."


def test_utf8_has_no_warning():
    decoded = decode(TEXT.encode("utf-8"))
    assert decoded.text == TEXT and decoded.encoding == "utf-8" and decoded.warnings == ()


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_single_byte_encodings_are_detected_with_a_warning(encoding):
    decoded = decode(TEXT.encode(encoding))
    assert decoded.text == TEXT
    assert decoded.warnings and "decoded as" in decoded.warnings[0]


def test_utf16_with_bom():
    decoded = decode(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    assert decoded.text == TEXT and decoded.warnings == ("decoded as utf-16",)


def test_utf16_without_bom():
    assert decode(TEXT.encode("utf-16-le")).text == TEXT


def test_stray_bytes_in_utf8_are_replaced_not_fatal():
    data = (TEXT * 20).encode("utf-8") + b"\xff" + " Ende.".encode()
    decoded = decode(data)
    assert decoded.text.endswith("\ufffd Ende.")
    assert "invalid byte" in decoded.warnings[0]


def test_declared_charset_is_used():
    decoded = decode("Ça va très bien, merci beaucoup.".encode("cp1252"), declared="cp1252")
    assert decoded.text.startswith("Ça va")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty input"),
        (b" \n\t\n", "empty input"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary input (PNG image), not a page"),
        (bytes(range(1, 32)) * 40, "binary input (control bytes), not a page"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>News</title></channel></rss>',
         "RSS feed, not a page"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title></feed>', "Atom feed, not a page"),
        (b'<?xml version="1.0"?><!-- generated --><urlset><url><loc>https://a.example/</loc></url></urlset>',
         "XML sitemap, not a page"),
    ],
)
def test_rejections_have_clear_reasons(data, reason):
    with pytest.raises(Rejection) as info:
        decode(data)
    assert info.value.reason == reason


def test_nul_bytes_are_removed_with_a_warning():
    decoded = decode(b"First line of the story.\x00\nSecond line of the story.")
    assert "\x00" not in decoded.text and "removed NUL characters" in decoded.warnings


@pytest.mark.parametrize(
    "text, fmt",
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", Format.HTML),
        ("  <html lang='en'><head><title>t</title></head></html>", Format.HTML),
        ("<div><p>a</p><p>b</p><span>c</span><a href='x'>d</a><br></div>", Format.HTML),
        ("Kerry in Moscow | News | DW\n\nThe text mentions <p> once.", Format.TEXT),
        ("Plain dump\n\n* [Home](https://example.com/)\n", Format.TEXT),
        ("<script>window.redirect = 1</script>\n<noscript><meta http-equiv='refresh'></noscript>", Format.HTML),
        ('<img height="1" width="1" style="display:none" src="https://pixel.example/">\nHome\n\nStory', Format.TEXT),
    ],
)
def test_sniff_format_by_content(text, fmt):
    assert sniff_format(text) is fmt


def test_characters_are_composed_and_soft_hyphens_removed():
    page = "<p>Wa&shy;ter gepru\u0308ft W\u00e4h\u00adrend</p>" + "<div></div><span></span><a></a><br>"
    assert decode(page.encode()).text.startswith("<p>Water gepru\u0308ft W\u00e4hrend</p>")  # composed in the record
    dump = "Wa&shy;ter gepru\u0308ft W\u00e4h\u00adrend"
    assert decode(dump.encode()).text == "Wa&shy;ter gepr\u00fcft W\u00e4hrend"  # a dump prints no references


def test_the_records_strings_are_composed():
    page = ("<html><head><title>Gepru\u0308ft</title></head><body><article><h1>Gepru\u0308ft</h1>"
            + "<p>Die Wa&shy;ren wurden gepru\u0308ft, bevor sie in den Handel kamen, sagte die Beho\u0308rde.</p>" * 3
            + "</article></body></html>")
    record = cleaner.clean(page.encode())
    assert "gepr\u00fcft" in record.text and "\u0308" not in record.text and "Waren" in record.text
    assert record.fields.title == "Gepr\u00fcft"


PAGE = "<html><head><title>Zürich</title></head><body><p>" + TEXT + "</p></body></html>"


def test_utf8_input_is_kept_for_the_parser_when_it_is_the_text():
    data = PAGE.encode("utf-8")
    assert decode(data).utf8 is data


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + PAGE.encode("utf-8"),  # a byte-order mark the text has not
    PAGE.replace("Haushalt", "Haus&shy;halt").encode("utf-8"),  # a soft hyphen taken out
    PAGE.replace("Haushalt", "Haus\x00halt").encode("utf-8"),  # a NUL taken out
    PAGE.encode("cp1252"),  # not UTF-8
])
def test_no_utf8_input_when_the_text_differs_from_it(data):
    assert decode(data).utf8 is None

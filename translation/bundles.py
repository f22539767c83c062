"""One file for many translations, for a translation agency: a PO file or an XLIFF 1.2 document.

wagtail-localize's PO file carries one translation: its header names the translation and its
entries are paths inside that one source (every page has a "title"). A bundle carries the
translation in each entry instead: in PO the ``msgctxt`` is ``<translation id>:<path>``, in XLIFF
each translation is one ``<file>`` whose ``original`` is the translation id, so one file can go
through an agency's CAT tool and come back. On import it is split into one wagtail-localize PO
file per translation, and each goes through the same checks as a single upload
(``po_files.validate_po``); a plain wagtail-localize PO file (from the translation editor's
"Download PO file") is accepted too.
"""

from __future__ import annotations

import uuid
from xml.etree import ElementTree

import polib
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils import timezone
from django.utils.translation import gettext as _

from .po_files import TRANSLATION_ID_HEADER, POImportError, parse_po

BUNDLE_HEADER = "X-Storysite-Bundle"
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
FORMATS = {
    "po": ("text/x-gettext-translation", "po"),
    "xliff": ("application/x-xliff+xml", "xlf"),
}


def _label(instance) -> str:
    return f"{instance._meta.verbose_name.capitalize()}: {instance}"


def bundle_po(translations, locale) -> bytes:
    """``translations``: (source instance, wagtail-localize Translation) pairs, one target
    ``locale``. Entries keep their current translations, so a partly done item goes out with
    what is done."""
    bundle = polib.POFile(wrapwidth=200)
    bundle.metadata = {
        "Project-Id-Version": "Storysite",
        "POT-Creation-Date": str(timezone.now()),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Language": locale.language_code,
        BUNDLE_HEADER: "1",
    }
    for instance, translation in translations:
        for entry in translation.export_po():
            bundle.append(
                polib.POEntry(
                    msgid=entry.msgid,
                    msgstr=entry.msgstr,
                    msgctxt=f"{translation.uuid}:{entry.msgctxt}",
                    comment=_label(instance),
                )
            )
    return str(bundle).encode()


def bundle_xliff(translations, source_locale, locale) -> bytes:
    """The same as ``bundle_po`` as XLIFF 1.2, one ``<file>`` per item. Rich-text markup stays
    as text (escaped), as in the PO file: the import checks that tags and placeholders survive."""
    ElementTree.register_namespace("", XLIFF_NS)
    root = ElementTree.Element(f"{{{XLIFF_NS}}}xliff", version="1.2")
    for instance, translation in translations:
        file = ElementTree.SubElement(
            root,
            f"{{{XLIFF_NS}}}file",
            original=str(translation.uuid),
            datatype="plaintext",
            **{
                "source-language": source_locale.language_code,
                "target-language": locale.language_code,
            },
        )
        header = ElementTree.SubElement(file, f"{{{XLIFF_NS}}}header")
        ElementTree.SubElement(header, f"{{{XLIFF_NS}}}note").text = _label(instance)
        body = ElementTree.SubElement(file, f"{{{XLIFF_NS}}}body")
        for entry in translation.export_po():
            unit = ElementTree.SubElement(
                body, f"{{{XLIFF_NS}}}trans-unit", id=entry.msgctxt, resname=entry.msgctxt
            )
            unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            ElementTree.SubElement(unit, f"{{{XLIFF_NS}}}source").text = entry.msgid
            if entry.msgstr:
                target = ElementTree.SubElement(unit, f"{{{XLIFF_NS}}}target")
                target.text = entry.msgstr
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _single_po(translation_id: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=200)
    po.metadata = {
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        TRANSLATION_ID_HEADER: translation_id,
    }
    return po


def is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _looks_like_xml(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def split(data: bytes) -> list[tuple[str, polib.POFile]]:
    """(translation id, wagtail-localize PO file) for each item of an uploaded bundle (PO or
    XLIFF) or single PO file, in file order. Raises POImportError naming what is wrong with the
    file as a whole; the entries themselves are checked later, per translation."""
    if _looks_like_xml(data):
        return _split_xliff(data)
    po = parse_po(data)
    if po.metadata.get(BUNDLE_HEADER) is None:
        return [(po.metadata.get(TRANSLATION_ID_HEADER, ""), po)]
    items: dict[str, polib.POFile] = {}
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        translation_id, _sep, path = (entry.msgctxt or "").partition(":")
        if not is_uuid(translation_id) or not path:
            problems.append(
                _("Entry “%(context)s” does not name an item of the export (msgctxt).")
                % {"context": entry.msgctxt or entry.msgid[:60]}
            )
            continue
        item = items.setdefault(translation_id, _single_po(translation_id))
        item.append(polib.POEntry(msgid=entry.msgid, msgstr=entry.msgstr, msgctxt=path))
    if problems:
        raise POImportError(problems)
    if not items:
        raise POImportError([_("The file holds no translation entries.")])
    return list(items.items())


def _split_xliff(data: bytes) -> list[tuple[str, polib.POFile]]:
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise POImportError(
            [_("This XLIFF file uses XML features that are refused (DTDs or entities).")]
        ) from error
    except ElementTree.ParseError as error:
        raise POImportError(
            [_("This is not a readable XLIFF file (%(error)s).") % {"error": error}]
        ) from error
    ns = {"x": XLIFF_NS}
    if root.tag != f"{{{XLIFF_NS}}}xliff" or root.get("version") != "1.2":
        raise POImportError([_("Only XLIFF 1.2 files as exported here can be imported.")])
    items, problems = [], []
    seen = set()
    for file in root.findall("x:file", ns):
        translation_id = file.get("original", "")
        if translation_id in seen:
            problems.append(_("Item %(id)s appears twice.") % {"id": translation_id})
            continue
        seen.add(translation_id)
        po = _single_po(translation_id)
        for unit in file.findall("x:body/x:trans-unit", ns):
            path = unit.get("id", "")
            source, target = unit.find("x:source", ns), unit.find("x:target", ns)
            if source is None:
                problems.append(_("Unit “%(id)s” has no <source>.") % {"id": path})
                continue
            if len(source) or (target is not None and len(target)):
                problems.append(
                    _(
                        "Unit “%(id)s” holds XLIFF inline elements: keep the markup of the "
                        "segment as text."
                    )
                    % {"id": path}
                )
                continue
            text = "" if target is None else target.text or ""
            po.append(polib.POEntry(msgid=source.text or "", msgstr=text, msgctxt=path))
        items.append((translation_id, po))
    if problems:
        raise POImportError(problems)
    if not items:
        raise POImportError([_("The file holds no <file> element.")])
    return items

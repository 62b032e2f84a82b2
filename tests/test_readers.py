"""Real agency files (../shared/wire-formats, see its SOURCES.md): every one read with its own fields."""

# The table quotes the agencies' headlines and notes whole, so some of its lines are long.
# ruff: noqa: E501

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from presssum import InputError
from presssum.load import load_articles
from presssum.readers import parse, read_articles, sniff
from presssum.records import Article, Failure
from tests.conftest import ROOT

WIRE_FORMATS = ROOT.parent / "shared" / "wire-formats"
_MOJIBAKE = re.compile(r"Ã.|Â[£ «»]|â€|\ufffd")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Expected(NamedTuple):
    """What a newsroom reads in the file: headline, dateline, paragraphs (count, start, end), wire fields."""

    path: str
    headline: str
    dateline: str | None
    paragraphs: int
    first_starts: str
    last_ends: str
    wire: dict[str, Any]


FILES = [
    Expected(
        "anpa1312/ap_en_APNewsAlert.tst",
        "Hawaii files court challenge to Trump administration's definition of close U.S. relationship needed to avoid travel ban.",
        "HONOLULU (AP) _",
        1,
        "Hawaii files court challenge to Trump ad",
        "ip needed to avoid travel ban.",
        {"format": "anpa1312", "version": 1, "urgency": 2, "slug": "BC-US--APNewsAlert", "located": "HONOLULU"},
    ),
    Expected(
        "anpa1312/ap_en_argentina-cancer.tst",
        "For Argentine chemo patients, mirrors can hurt",
        "BUENOS AIRES, Argentina (AP) _",
        14,
        "For cancer patients dealing with the phy",
        " Aires helped with this story.",
        {
            "format": "anpa1312",
            "version": 1,
            "urgency": 1,
            "slug": "BC-LT--Argentina-CancerB",
            "ednote": "Eds: With AP Photos.",
            "located": "BUENOS AIRES, Argentina",
        },
    ),
    Expected(
        "anpa1312/ap_en_ethanol_1stLd-Writethru.tst",
        "Prairies vanish in the US push for green energy",
        "ROSCOE, South Dakota (AP) _",
        33,
        "Robert Malsam nearly went broke in the 1",
        "o this report from Washington.",
        {
            "format": "anpa1312",
            "version": 2,
            "urgency": 5,
            "slug": "BC-US--Ethanol-LosingGra",
            "signals": ("update",),
            "ednote": "Eds: Restores reference in 3rd paragraph to years when fuel became No. 1 use for corn. Adds video link. With AP Photos. AP Video. For global distribution; EDITOR'S NOTE _ This is part of an Associated Press investigation into the hidden costs of green energy.",
            "located": "ROSCOE, South Dakota",
        },
    ),
    Expected(
        "iptc7901/ats_fr_notes-de-frais-GE_utf8.txt",
        "Notes de frais GE: L'affaire des notes de frais a marqué l'exécutif de la Ville",
        "Genève (ats)",
        4,
        "Le scandale causé par les notes de frais",
        " face à elles», note le maire.",
        {"format": "iptc7901", "version": 1, "urgency": 4, "slug": "Notes de frais GE", "located": "Genève"},
    ),
    Expected(
        "iptc7901/dpa_en_1st-lead_odd-charset.txt",
        "German football saddened by illness to striker legend Mueller",
        "Munich (dpa) -",
        21,
        "German football generations past and pre",
        " his family's private sphere.\"",
        {
            "format": "iptc7901",
            "version": 2,
            "urgency": 3,
            "slug": "Germany-football/Munich/Mueller",
            "signals": ("update",),
            "ednote": "adds comments by Germany coach Loew, byline",
            "located": "Munich",
        },
    ),
    Expected(
        "iptc7901/dpa_en_coalition-talks.txt",
        "Germany Social Democrats: Coalition talks with Merkel could fail",
        "Berlin (dpa) -",
        5,
        "Negotiations between German conservative",
        "a third term before Christmas.",
        {"format": "iptc7901", "version": 1, "urgency": 4, "slug": "Germany-politics", "located": "Berlin"},
    ),
    Expected(
        "iptc7901/dpa_en_refile-1st-lead_migration-pact.txt",
        "Switzerland joins list of countries resisting UN migration pact",
        "Geneva (dpa) -",
        15,
        "Switzerland is joining a growing number ",
        " Poland and the United States.",
        {
            "format": "iptc7901",
            "version": 2,
            "urgency": 3,
            "slug": "Switzerland/migration/UN",
            "signals": ("update", "refile"),
            "ednote": "adds head of UNGA in grafs 7-11",
            "located": "Geneva",
        },
    ),
    Expected(
        "newsml-g2/businessdesk_en_bom_empty-embargoed_v3.xml",
        "Dick Smith receivers install Don Grover as acting CEO as Abboud quits; retailer put up for sale",
        "Jan. 12 (BusinessDesk) -",
        7,
        "The receivers of Dick Smith Holdings hav",
        "2014 for about A$2.22 a share.",
        {"format": "newsml-g2", "guid": "BD-20160112123540", "version": 3, "urgency": 5},
    ),
    Expected(
        "newsml-g2/dpa_de_hanau_1-advisory_170629-99-48571_v2.xml",
        "Zum Urteil im Hanauer Prozess um eine Gesichtsverstümmelung sendet dpa statt des angekündigten KORR-Berichts bis etwa 1800 eine Zusammenfassung von 35 Zeilen.",
        None,
        0,
        "",
        "",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:dpa.com:20090101:170629-99-48571",
            "version": 2,
            "urgency": 3,
            "slug": "Prozesse/Kriminalität/Vorschau/Hessen",
            "signals": ("correction",),
            "ednote": "Zufa statt KORR",
        },
    ),
    Expected(
        "newsml-g2/dpa_de_hanau_2-first-report_170629-99-48876_v2.xml",
        "Neueinhalb Jahre Haft nach Gesichtsverstümmelung",
        "Hanau (dpa) -",
        2,
        "Weil er einem jungen Mann das Gesicht ve",
        "otiv blieb bis zuletzt unklar.",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:dpa.com:20090101:170629-99-48876",
            "version": 2,
            "urgency": 3,
            "slug": "Prozesse/Kriminalität/Urteile/Hessen",
            "ednote": "Zusammenfassung bis 1800 - ca. 35 Zl",
            "located": "Hanau",
        },
    ),
    Expected(
        "newsml-g2/dpa_de_hanau_3-summary_170629-99-50011_v2.xml",
        "«Brutal und bizarr»: Neuneinhalb Jahre Haft für Gesichtsverstümmelung",
        "Hanau (dpa) -",
        9,
        "Die Tat schockiert: Einem jungen Mann wi",
        " Asylverfahren zu verschaffen.",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:dpa.com:20090101:170629-99-50011",
            "version": 2,
            "urgency": 3,
            "slug": "Prozesse/Kriminalität/Urteile/Hessen",
            "located": "Hanau",
        },
    ),
    Expected(
        "newsml-g2/dpa_de_kerber_1_170629-99-46771_v7.xml",
        "Kerber erreicht Viertelfinale bei Tennis-Turnier in Eastbourne",
        "Eastbourne (dpa) -",
        1,
        "Mit einem klaren Sieg ist die Weltrangli",
        " des Jahres beginnt am Montag.",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:dpa.com:20090101:170629-99-46771",
            "version": 7,
            "urgency": 4,
            "slug": "Tennis/Großbritannien/WTA/Eastbourne/Kerber",
            "signals": ("update",),
            "ednote": "Zusammenfassung bis 1615, ca. 25 Zl.; neu: Konta Viertelfinal-Gegnerin",
            "located": "Eastbourne",
        },
    ),
    Expected(
        "newsml-g2/dpa_de_kerber_2-updated_170629-99-46800_v7.xml",
        "Kerber problemlos im Tennis-Viertelfinale von Eastbourne",
        "Eastbourne (dpa) -",
        6,
        "Nachdem Angelique Kerber für Birmingham ",
        "a Williams unterlegen gewesen.",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:dpa.com:20090101:170629-99-46800",
            "version": 7,
            "urgency": 4,
            "slug": "Tennis/Großbritannien/WTA/ATP/Eastbourne",
            "signals": ("update",),
            "ednote": "aktualisierte Fassung nach zweitem Kerber-Match; neu: Konta nächste Gegnerin, 2./3. Absatz",
            "located": "Eastbourne",
        },
    ),
    Expected(
        "newsml-g2/dpa_de_osnabrueck_sig-correction_170629-99-49849_v3.xml",
        "DFB sperrt ersten Osnabrücker Spieler wegen Manipulationsversuch",
        "Frankfurt/Main (dpa) -",
        2,
        "Nach der versuchten Manipulation in der ",
        "che der Osnabrücker abgelehnt.",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:dpa.com:20090101:170629-99-49849",
            "version": 3,
            "urgency": 3,
            "slug": "Fußball/Niedersachsen/Deutschland/3. Liga/DFB",
            "signals": ("correction",),
            "ednote": "Im 2. Absatz, 3. Satz wurde berichtigt: Menga (statt Wenga",
            "located": "Frankfurt/Main",
        },
    ),
    Expected(
        "newsml-g2/globenewswire_fr_correction-et-mise-a-jour.xml",
        "CORRECTION ET MISE À JOUR - Les réseaux mobiles dans les régions rurales au Canada sont parmi les plus rapides au monde",
        "TORONTO, 26 mai 2020 (GLOBE NEWSWIRE) --",
        16,
        "Le communiqué suivant corrige et remplac",
        "020 © 2020 Opensignal Limited.",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:marketwired.com:20020408:202005267925935-fr",
            "version": 1,
            "signals": ("correction",),
            "located": "Vancouver, BC, Canada",
        },
    ),
    Expected(
        "newsml-g2/iptc_LISTING_1_embargo_sig-update.xml",
        'Fed to halt QE to avert "bubble"',
        None,
        0,
        "",
        "",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:acmenews.com:20161018:US-FINANCE-FED",
            "version": 11,
            "slug": "US-Finance-Fed",
            "signals": ("update",),
            "embargo": "2018-10-23T12:00:00Z",
            "ednote": "Note to editors: STRICTLY EMBARGOED. Not for public release until 12noon on Friday, October 23, 2018.",
            "located": "Berlin",
        },
    ),
    Expected(
        "newsml-g2/iptc_LISTING_22_sports-story_nitf.xml",
        "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.",
        "(Sports Network) -",
        6,
        "A pair of teams coming off big weekend s",
        " 0-2 over his last six starts.",
        {
            "format": "newsml-g2",
            "guid": "tag:xmlteam.com,2016:xt.5932656-preview",
            "version": 11,
            "slug": "AAV!PREVIEW-ARI-PHI",
            "located": "Philadelphia",
        },
    ),
    Expected(
        "newsml-g2/iptc_LISTING_2_text-document_nitf.xml",
        'Fed to halt QE to avert "bubble"',
        "(New York, NY - October 21)",
        2,
        "Et, sent luptat luptat, commy Nim zzriur",
        "modion esto cons dolutpat, si.",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:acmenews.com:20161121:US-FINANCE-FED",
            "version": 11,
            "slug": "US-Finance-Fed",
            "located": "New York, NY",
        },
    ),
    Expected(
        "newsml12/afp_en_TX-PAR-FXW86_saab.xml",
        "Sweden court accepts receivership for Saab carmaker",
        "STOCKHOLM, Aug 29, 2014 (AFP) -",
        9,
        "A Chinese-owned company set up to take o",
        " with a line of electric cars.",
        {
            "format": "newsml12",
            "guid": "urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86",
            "version": 1,
            "urgency": 4,
            "slug": "Sweden-China-auto-business-bankruptcy-Saab",
            "located": "Stockholm",
        },
    ),
    Expected(
        "newsml12/afp_fr_TX-PAR-RHO61_proces-policiers.xml",
        "France: deux ex-policiers aux frontières devant la justice pour trafic de cocaïne",
        "Paris, 21 jan 2019 (AFP) -",
        9,
        "Le procès de deux anciens fonctionnaires",
        "dict est attendu le 7 février.",
        {
            "format": "newsml12",
            "guid": "urn:newsml:afp.com:20190121T104233Z:TX-PAR-RHO61",
            "version": 1,
            "urgency": 4,
            "slug": "France-procès-assises-drogues-police",
            "located": "Paris",
        },
    ),
    Expected(
        "newsml12/ats_fr_bsf153_taureau_nitf30_iso8859-15.xml",
        "Un taureau entre dans un magasin à Landquart (GR)",
        "Landquart GR",
        3,
        "Un taureau âgé d'un an est entré dans un",
        "té transporté dans son enclos.",
        {
            "format": "newsml12",
            "guid": "urn:newsml:www.sda-ats.ch:20190603:bsf153",
            "version": 1,
            "urgency": 4,
            "slug": "Animaux",
        },
    ),
    Expected(
        "newsml12/belga_fr_fgtb_rev12_video.xml",
        "Le bureau fédéral de la FGTB acte l'éviction du président Robert Vertenueil",
        None,
        2,
        "TRADE UNIONS FGTB ABVV CHAIRMAN DEBATE",
        " BELGA VIDEO MAARTEN WEYNANTS.",
        {
            "format": "newsml12",
            "guid": "urn:newsml:belga.be:20200609T152312:107255546",
            "version": 12,
            "located": "BRUXELLES",
        },
    ),
    Expected(
        "newsml12/sda_de_brd054_rev1.xml",
        "SVP korrigiert Wahlkampfinserat auf Druck der Zeitungsverlage",
        "Zürich",
        6,
        "Einige Zeitungen haben das Inserat der S",
        " ganze Volksgruppe diffamiert.",
        {
            "format": "newsml12",
            "guid": "urn:newsml:www.sda-ats.ch:20110827:brd054",
            "version": 1,
            "urgency": 4,
            "slug": "Wahlinserat",
        },
    ),
    Expected(
        "newsml12/sda_de_brd054_rev2_rectify.xml",
        "SVP korrigiert Wahlkampfinserat auf Druck der Zeitungsverlage",
        "Zürich",
        6,
        "Einige Zeitungen haben das Inserat der S",
        " ganze Volksgruppe diffamiert.",
        {
            "format": "newsml12",
            "guid": "urn:newsml:www.sda-ats.ch:20110827:brd054",
            "version": 2,
            "urgency": 4,
            "slug": "Wahlinserat",
            "signals": ("correction",),
            "ednote": "Im 2. Abschnitt nach dem Lead unkontrollierte statt kontrollierte Masseneinwanderung berichtigt",
        },
    ),
    Expected(
        "newsml12/sda_de_brz011_rev1.xml",
        "Basel holt Thuns Andrist",
        "Axpo Super League",
        2,
        "Stefan Andrist wechselt per sofort vom F",
        " League nicht spielberechtigt.",
        {
            "format": "newsml12",
            "guid": "urn:newsml:www.sda-ats.ch:20110830:brz011",
            "version": 1,
            "urgency": 4,
            "slug": "Axpo Super League",
        },
    ),
    Expected(
        "newsml12/sda_de_brz011_rev2_delete.xml",
        "Basel holt Thuns Andrist",
        "Axpo Super League",
        2,
        "Stefan Andrist wechselt per sofort vom F",
        " League nicht spielberechtigt.",
        {
            "format": "newsml12",
            "guid": "urn:newsml:www.sda-ats.ch:20110830:brz011",
            "version": 2,
            "urgency": 4,
            "slug": "Axpo Super League",
            "status": "canceled",
            "signals": ("kill",),
        },
    ),
    Expected(
        "nitf/ap_en_nitf34_climate-trading.xml",
        "Can trading pollution like stocks help fight climate change?",
        "NEW YORK (AP) —",
        27,
        "The gas produced by hog manure at farms ",
        "p.org/content/bernard-condon .",
        {"format": "nitf", "ednote": "For global distribution"},
    ),
    Expected(
        "nitf/efe_en_nitf32_honduras.xml",
        "Honduran president announces Cabinet changes",
        "Tegucigalpa, Jan 2 (EFE).-",
        1,
        "Test body.",
        "Test body.",
        {"format": "nitf", "guid": "22751909", "urgency": 5, "slug": "HONDURAS GOVERNMENT"},
    ),
    Expected(
        "nitf/pa_en_nitf31_bakeoff_iso8859-1.xml",
        "GREAT BRITISH BAKE OFF COOKS UP TOP FIVE MOST-WATCHED SHOWS OF 2016",
        None,
        20,
        "The Great British Bake Off has made a cl",
        "(ITV) April 30 : 11.87 million",
        {
            "format": "nitf",
            "guid": "255dd17c-cecd-4e56-a555-24fcaf1ef394HHH-8-1",
            "urgency": 4,
            "slug": "PA-HHH-SHOWBIZ-BakeOff",
        },
    ),
]


def _read(path: str) -> Article:
    (item,) = parse(path, (WIRE_FORMATS / path).read_bytes())
    assert isinstance(item, Article)
    return item


def test_the_table_covers_every_shared_file() -> None:
    on_disk = {str(p.relative_to(WIRE_FORMATS)) for p in WIRE_FORMATS.glob("*/*") if p.suffix != ".md"}
    assert on_disk == {expected.path for expected in FILES}


@pytest.mark.parametrize("expected", FILES, ids=[e.path.split("/")[1] for e in FILES])
def test_each_agency_file_is_read_with_its_own_fields(expected: Expected) -> None:
    article = _read(expected.path)
    assert article.headline == expected.headline
    assert article.dateline == expected.dateline
    assert len(article.paragraphs) == expected.paragraphs
    if expected.paragraphs:
        assert article.paragraphs[0].startswith(expected.first_starts)
        assert article.paragraphs[-1].endswith(expected.last_ends)
    assert article.wire is not None
    assert article.wire.model_dump(include=set(expected.wire)) == expected.wire
    fields = [article.headline, article.dateline or "", article.source or "", article.author or "", *article.paragraphs]
    fields += [article.wire.ednote or "", article.wire.slug or "", article.wire.byline or ""]
    for field in fields:
        assert "<" not in field or "<http" in field, f"markup left in {field!r}"
        assert not _CONTROL.search(field), f"control character in {field!r}"
        assert not _MOJIBAKE.search(field), f"mojibake in {field!r}"
    # transmission codes never reach the text
    assert not any(re.search(r"\b[a-z]{3}\d{3,4} \d [a-z]{1,3} \d+", field) for field in fields)


@pytest.mark.parametrize(
    ("path", "word"),
    [
        ("nitf/pa_en_nitf31_bakeoff_iso8859-1.xml", "£"),  # declared Latin-1, stored as UTF-8
        ("newsml12/ats_fr_bsf153_taureau_nitf30_iso8859-15.xml", "âgé"),  # ISO-8859-15 bytes
        ("newsml12/sda_de_brd054_rev1.xml", "Generalsekretär"),  # ISO-8859-1
        ("iptc7901/dpa_en_1st-lead_odd-charset.txt", "Müller"),  # one Latin-1 byte in ASCII
        ("iptc7901/ats_fr_notes-de-frais-GE_utf8.txt", "«Le rapport de confiance a été ébranlé»"),
    ],
)
def test_each_encoding_is_decoded_by_its_bytes(path: str, word: str) -> None:
    article = _read(path)
    assert word in " ".join((article.headline, *article.paragraphs))


@pytest.mark.parametrize(
    "path",
    [
        "iptc7901/dpa_en_coalition-talks.txt",
        "anpa1312/ap_en_argentina-cancer.tst",
        "newsml-g2/dpa_de_kerber_1_170629-99-46771_v7.xml",
        "newsml12/sda_de_brz011_rev1.xml",
        "nitf/efe_en_nitf32_honduras.xml",
    ],
)
def test_the_format_comes_from_the_content_not_the_name(path: str) -> None:
    data = (WIRE_FORMATS / path).read_bytes()
    assert parse("-", data)[0].wire == _read(path).wire  # stdin: no name at all
    assert sniff(data) != "wire"


def test_iptc7901_whose_control_characters_were_lost_is_still_read() -> None:
    data = (WIRE_FORMATS / "iptc7901/dpa_en_coalition-talks.txt").read_bytes()
    stripped = re.sub(rb"[\x01-\x08\x7f]", b"", data)
    (article,) = parse("lost.txt", stripped)
    assert isinstance(article, Article)
    assert article.headline == "Germany Social Democrats: Coalition talks with Merkel could fail"
    assert article.dateline == "Berlin (dpa) -"


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b"]><NewsML><NewsItem><lolz>&lol9;</lolz></NewsItem></NewsML>"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b"<nitf><body><body.head><hedline><hl1>&xxe;</hl1></hedline></body.head></body></nitf>"
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<?xml version='1.0'?><nitf><body><p>unclosed</body></nitf>", "malformed XML"),
        (BILLION_LAUGHS, "entity"),
        (EXTERNAL_ENTITY, "entity"),
        (b"\x01eca062 4 i 211 ccccb   dpa 061\r\n\r\nGermany-politics/\r\nTitle =\r\n\r\nBody.\r\n\x03", "without STX"),
        (b'<?xml version="1.0"?><NewsML2 xmlns="urn:x"><item/></NewsML2>', "unknown XML document <NewsML2>"),
        (
            b'<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="p1"><groupSet/></packageItem>',
            "packageItem",
        ),
    ],
    ids=["malformed", "billion-laughs", "external-entity", "7901-no-stx", "unknown-root", "package-only"],
)
def test_bad_input_is_a_clear_failure_and_the_batch_goes_on(data: bytes, message: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        parse("bad", data)
    (tmp_path / "bad.xml").write_bytes(data)
    good = WIRE_FORMATS / "nitf/ap_en_nitf34_climate-trading.xml"
    failure, article = load_articles([str(tmp_path / "bad.xml"), str(good)])
    assert isinstance(failure, Failure) and message in failure.error
    assert isinstance(article, Article) and article.headline.startswith("Can trading pollution")


def test_an_item_without_text_is_a_failure_but_its_fields_are_read() -> None:
    path = "newsml-g2/iptc_LISTING_1_embargo_sig-update.xml"
    (failure,) = read_articles(path, (WIRE_FORMATS / path).read_bytes())
    assert isinstance(failure, Failure) and "no body text" in failure.error

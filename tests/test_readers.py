"""Real agency files (../shared/wire-formats, see its SOURCES.md): every one read with its own fields."""

# The table quotes the agencies' headlines and notes whole, so some of its lines are long.
# ruff: noqa: E501

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from presssum import InputError
from presssum.load import load_articles
from presssum.readers import parse, read_articles, sniff
from presssum.readers.signoff import is_desk_initials
from presssum.records import Article, Failure
from tests.conftest import ECHO_MODEL, ROOT, write_echo_config

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
            "slug": "Sweden-SAAB",
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
    Expected(
        "anpa1312/ap_en_10-things-to-know.tst",
        "10 Things to Know for Today",
        None,
        21,
        "Your daily look at late-breaking news, u",
        " took his own life last month.",
        {
            "format": "anpa1312",
            "version": 1,
            "urgency": 5,
            "slug": "BC-10ThingstoKnow-Today",
            "ednote": "Eds: With AP Photos.",
            "byline": "By The Associated Press",
        },
    ),
    Expected(
        "anpa1312/ap_en_heat-hawks_1stLd-Writethru.tst",
        "Deng has 30 points, short-handed Heat beat Hawks 115-111",
        "ATLANTA (AP) _",
        18,
        "Luol Deng scored 30 points and Josh McRo",
        "t Milwaukee on Saturday night.",
        {
            "format": "anpa1312",
            "version": 2,
            "urgency": 5,
            "slug": "BC-BKN--Heat-Hawks",
            "signals": ("update",),
            "ednote": "Eds: Heat 115, Hawks 111. Updates. With AP Photos.",
            "located": "ATLANTA",
            "byline": "By CHARLES ODUM",
        },
    ),
    Expected(
        "iptc7901/dpa-tns_en_chiefs-rams_byline-in-title.txt",
        "Chiefs-Rams 2.0? Would be a fun Super Bowl, but don't count on it",
        "San Diego (tca/dpa) -",
        35,
        "History says this wasn't a Super Bowl pr",
        " hinge on firming its defence.",
        {
            "format": "iptc7901",
            "version": 1,
            "urgency": 4,
            "slug": "American Football/NFL",
            "ednote": "(c)2018 The San Diego Union-Tribune; Visit The San Diego Union-Tribune at www.sandiegouniontribune.com; Distributed by Tribune Content Agency, LLC.",
            "located": "San Diego",
            "byline": "By Tom Krasovic, The San Diego Union-Tribune",
        },
    ),
    Expected(
        "iptc7901/dpa_en_impressum_achtung_service-message.txt",
        "Impressum",
        None,
        1,
        "ryryryry copyright by dpa ryryryry copyr",
        "ice in english dpa dpa dpa dpa",
        {"format": "iptc7901", "version": 1, "urgency": 4, "slug": "Impressum"},
    ),
    Expected(
        "newsml-g2/ansa_it-declared-en-text_catalonia_inlineData.xml",
        "Catalan independence declaration unacceptable - Alfano",
        "(ANSA) - Rome, October 11 -",
        1,
        "Italian Foreign Minister Angelino Alfano",
        "ion to allow for negotiations.",
        {
            "format": "newsml-g2",
            "guid": "tag:ansa.it,2017-10-11:40e5fb1034e7e2b21942ea09718fc85a",
            "version": 1,
            "urgency": 5,
            "signals": ("routing",),
            "located": "Rome",
        },
    ),
    Expected(
        "newsml-g2/dpa_de_migranten-aegaeis_v3_notepad.xml",
        "Mehr als 200 Migranten in der Ägäis aufgegriffen",
        "Athen (dpa) -",
        3,
        "Ungeachtet der EU-Vereinbarung mit der T",
        "griechische Inseln erreichten.",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:dpa.com:20090101:190603-99-492251",
            "version": 3,
            "urgency": 4,
            "ednote": "Migranten sind nach Definition der Internationalen Organisation \u200efür Migration (IOM) alle Menschen, die ihren Wohnort verlassen – egal \u200eaus welchen Gründen, wie lange oder ob freiwillig oder \u200eunfreiwillig. Flüchtlinge dagegen suchen Schutz vor Krieg oder vor \u200edrohender Verfolgung, etwa wegen ihrer Religion, Nationalität oder \u200eihrer politischen Überzeugung. Damit sind Flüchtlinge auch Migranten\u200e, aber nicht alle Migranten Flüchtlinge.",
            "located": "Athen",
        },
    ),
    Expected(
        "newsml-g2/dpa_en_merz-scholz_v6_extra.xml",
        "Opposition leader slams Scholz for not to solve country's problems",
        "Berlin (dpa) -",
        6,
        "Germany's conservative opposition leader",
        " European anchor of stability.",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:dpa.com:20090101:240626-99-540037",
            "version": 6,
            "urgency": 3,
            "located": "Berlin",
        },
    ),
    Expected(
        "newsml-g2/stt_fi_niinisto_correction-ednote.xml",
        "Jussi Niinistö: Ylen tiedoissa voi olla kyse informaatio-operaatiosta",
        None,
        19,
        "Puolustusministeri Jussi Niinistö (ps.) ",
        "sin perätön, Venäläinen sanoo.",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:stt.fi:20170131:101160101",
            "version": 1,
            "urgency": 3,
            "ednote": "2. väliotsikon jälkeen 2. kpl. puolustusministeriössä po. Puolustusvoimissa; Korjattu aiempaa uutista: Ylen juttu perustuu Puolustusvoimissa merkittävässä asemassa olevaan lähteeseen, ei puolustusministeriössä kuten aiemmin kerroimme.",
            "byline": "ANTTI AUTIO, HETA HASSINEN",
        },
    ),
    Expected(
        "newsml-g2/stt_fi_vastaamo_v7_sig-update.xml",
        "Vastaamoon kohdistunut tietomurto oli syyttäjien mukaan erityisen suunnitelmallinen – syytetylle vaaditaan seitsemän vuoden vankeutta",
        "Helsinki",
        51,
        "Syyttäjät vaativat Psykoterapiakeskus Va",
        "neet käräjäoikeuden tuomiosta.",
        {
            "format": "newsml-g2",
            "guid": "urn:newsml:stt.fi::105868846",
            "version": 7,
            "urgency": 2,
            "signals": ("update",),
            "ednote": "Kolmas ja viimeinen osio uutta",
            "located": "Helsinki",
            "byline": "Maria Rosvall, Jecaterina Mantsinen",
        },
    ),
    Expected(
        "newsml12/ana-mpe_en_wage-employment_cdata-html.xml",
        "Wage employment balance positive in Jan-March",
        "4/4/2018",
        3,
        "Wage employment in the private sector gr",
        "itive by 33,638 job positions.",
        {
            "format": "newsml12",
            "guid": "urn:newsml:ana-mpe.gr:20180404:19336333",
            "version": 1,
            "urgency": 5,
            "located": "Athens",
        },
    ),
    Expected(
        "newsml12/anp_nl_postnl-fnv_rev2_vervangt.xml",
        "FNV staat alleen met acties bij PostNL (2)",
        "UTRECHT (ANP) -",
        4,
        "FNV kondigt werkonderbrekingen aan bij P",
        "amenlijke brief aan hun leden.",
        {
            "format": "newsml12",
            "guid": "urn:newsml:ANP:20181210:ANPX-101218-041-v2",
            "version": 2,
            "urgency": 3,
            "slug": "Huub Giesbers (iwi)",
            "signals": ("update",),
            "located": "UTRECHT",
        },
    ),
    Expected(
        "newsml12/efe_es_leones-india_nitf32.xml",
        "Leones matan a un joven que se coló en un zoológico de la India",
        "Nueva Delhi, 21 ene (EFE).-",
        9,
        "Una pareja de leones asiáticos hirieron ",
        "lación de unos 500 ejemplares.",
        {
            "format": "newsml12",
            "guid": "urn:newsml:texto.efeservicios.com:20190121T103600+0000:25413502",
            "version": 1,
            "urgency": 5,
        },
    ),
    Expected(
        "ninjs/360info_en_beer-climate_embargoed_v11.json",
        "Trouble is brewing for the future of beer",
        None,
        18,
        "What does torched earth taste like? Acco",
        " Creative Commons by 360info™.",
        {
            "format": "ninjs",
            "guid": "fd8e441b-a698-4411-9246-7d5de21cced9",
            "version": 11,
            "urgency": 5,
            "slug": "Climate-smart food",
            "embargo": "2022-06-29T02:30:00+00:00",
            "located": "Aaron J. Staples, Michigan",
            "byline": "Aaron J. Staples, Michigan State University",
        },
    ),
    Expected(
        "ninjs/ap_en_apmedia-api-envelope_no-body.json",
        "BC-BBN--Top Ten",
        None,
        0,
        "",
        "",
        {
            "format": "ninjs",
            "guid": "https://d.e.f/media/v/content/5ee9b4b40ea5fe9c9ca60f890fb2e1d9?qt=HyIVRoKlHF&et=0a4aza0c0",
            "version": 0,
            "urgency": 4,
            "slug": "BC-BBN--Top Ten",
        },
    ),
    Expected(
        "ninjs/futurezone_de_polizeihund-klon_web-article.json",
        "China behauptet, einen Polizeihund geklont zu haben",
        None,
        8,
        "Es kann ganz schön kostspielig sein, Pol",
        "sere Intelligenz beeinflussen.",
        {
            "format": "ninjs",
            "guid": "https://www.futurezone.de/science/article216742303/China-behauptet-einen-Polizeihund-geklont-zu-haben.html",
            "version": 1,
            "urgency": 5,
            "slug": "china-behauptet-einen-polizeihund-geklont-zu-haben",
            "byline": "futurezone/KN",
        },
    ),
    Expected(
        "ninjs/iptc_en_ninjs1x-example_medium-text.json",
        "Captain of wrecked cruise ship on trial in Italy",
        "GROSSETO, Italy (AP) --",
        4,
        "The trial of the captain of the shipwrec",
        "hettino has denied wrongdoing.",
        {
            "format": "ninjs",
            "guid": "http://ninjs.example.com/newsitems/20130709med123",
            "located": "Grossetto, Italy",
            "byline": "Paulo Santalucia and Frances d'Emilio",
        },
    ),
    Expected(
        "ninjs/iptc_en_ninjs1x-example_simple-text.json",
        "Captain of wrecked cruise ship on trial in Italy",
        "GROSSETO, Italy (AP) --",
        4,
        "The trial of the captain of the shipwrec",
        "hettino has denied wrongdoing.",
        {
            "format": "ninjs",
            "guid": "http://ninjs.example.com/newsitems/20130709simp123",
            "byline": "Paulo Santalucia and Frances d'Emilio",
        },
    ),
    Expected(
        "nitf/ansa_en_gazprom_lang-it_subtitle-byline.xml",
        "Gazprom cuts Italy gas supplies by a third",
        "(ANSA) - ROME, JUL 11 -",
        1,
        "Russian energy giant Gazprom on Monday c",
        " Italian fuels giant Eni said.",
        {
            "format": "nitf",
            "guid": "XAM22192010243_AMZ_X083",
            "located": "ROME",
            "byline": "Situation serious, ready for all scenarios says EC",
        },
    ),
    Expected(
        "nitf/iptc_en_nitf32_fishing_canceled_dtd.xml",
        "Weather and Tide Updates for Norfolk",
        "Newport News , VA",
        6,
        "The weather was superb today in Norfolk,",
        "Happy fishing everybody!",
        {
            "format": "nitf",
            "guid": "iptc.321656141.b",
            "urgency": 3,
            "slug": "ongoing-winter-tide-updates",
            "status": "canceled",
            "embargo": "20020226T093000-0500",
            "ednote": "Today begins an expanded format of this popular column.",
            "located": "Newport News",
            "byline": "By Alan Karben",
        },
    ),
    Expected(
        "nitf/pa_en_nitf31_uk-break-up_embargoed.xml",
        "UK BREAK-UP 'NOT INCONCEIVABLE', FIRST MINISTER WARNS AHEAD OF BREXIT TALKS",
        None,
        1,
        "The UK risks breaking up unless all home",
        "ole in the Brexit negotiations",
        {
            "format": "nitf",
            "guid": "4a82e12e-6b39-47eb-8e59-2c616a7e32a4HHH-13-1",
            "urgency": 4,
            "slug": "PA-HHH-POLITICS-UnitedKingdom",
            "embargo": "20160909T000100+0100",
            "ednote": "(see also POLITICS EU) Embargoed to 0001 Friday September 9",
            "byline": "By Benjamin Wright, Press Association",
        },
    ),
]
# Files that are refused, with the reason a user reads.
REFUSED = {
    "newsml-g2/iptc_LISTING_6_packageItem-alone.xml": "a packageItem that only references its items",
    "other/ritzau_da_diesel-forsoeg_rbnews.xml": "unknown XML dialect <RBNews>",
}


def _read(path: str) -> Article:
    (item,) = parse(path, (WIRE_FORMATS / path).read_bytes())
    assert isinstance(item, Article)
    return item


def test_the_table_covers_every_shared_file() -> None:
    on_disk = {str(p.relative_to(WIRE_FORMATS)) for p in WIRE_FORMATS.glob("*/*") if p.suffix != ".md"}
    assert on_disk == {expected.path for expected in FILES} | set(REFUSED)


@pytest.mark.parametrize(("path", "message"), REFUSED.items())
def test_a_file_in_no_format_presssum_reads_is_refused_by_name(path: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        parse(path, (WIRE_FORMATS / path).read_bytes())


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
        (b'<?xml version="1.0"?><NewsML2 xmlns="urn:x"><item/></NewsML2>', "unknown XML dialect <NewsML2>"),
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


# Variants no shared file has: each rule read from its standard, shown on a small synthetic item.


def _one(data: bytes, name: str = "variant") -> Article:
    (item,) = parse(name, data)
    assert isinstance(item, Article)
    return item


def test_iptc7901_headers_with_long_serials_and_service_markers_before_the_title() -> None:
    data = (
        b"\x01eca00075 3 i 510 dpa 1003\r\n\r\n/Germany-economy/\r\n\x02EXTRA\r\n2ND NET\r\n(Wdh.)\r\n(Zusammenfassung)\r\n"
        b"Korrektur\r\nGerman exports fall for a third month =\r\n\r\n"
        b"Wiesbaden (dpa) - German exports fell in May, the statistics office said.\r\n\x03061200 GMT Jul 24\r\n"
    )
    article = _one(data)
    assert article.headline == "German exports fall for a third month"
    assert article.wire is not None and article.wire.slug == "Germany-economy" and article.wire.urgency == 3
    assert article.wire.signals == ("correction", "refile")
    assert article.dateline == "Wiesbaden (dpa) -"


def test_anpa_editors_notes_in_brackets_are_notes_and_the_trailer_time_is_iso() -> None:
    data = (
        b"\x16\x16\x01a0001\x1fasian\nr a\x13\x11 BC-EU--Storm 2ndLd-Writethru 03-05 0321\r\n\x02"
        b"^BC-EU--Storm, 2nd Ld-Writethru,321<\r\n^Storm hits the coast<\r\n^(Eds: Updates toll.)<\r\n"
        b"^By JANE DOE=<\r\n\t(Eds: Adds quote in 4th graf.)<\r\n"
        b"\tLISBON, Portugal (AP) _ A storm hit the coast on Tuesday.<\r\n\x03AP-WF-03-05-24 1422GMT<\r\n"
    )
    article = _one(data)
    assert article.wire is not None and article.wire.ednote == "Eds: Updates toll.; Eds: Adds quote in 4th graf."
    assert article.paragraphs == ("A storm hit the coast on Tuesday.",)
    assert article.wire.version == 3 and article.wire.created == "2024-03-05T14:22:00+00:00"


def test_anpa_without_caret_lines_kyodo() -> None:
    data = (
        b"\x16\x16\x01a0105KYODOkoko-\nu s\x13\x11 BC-Sumo-Tournament   09-12 0344\n\x02BC-Sumo-Tournament\n"
        b"Sumo: Yokozuna wins 10th title+\n     OSAKA, Japan, March 24 Kyodo - The yokozuna won on Sunday.\n"
        b"     He had lost once.\n==Kyodo\n\x03KWS-21:37-03-24-19\n"
    )
    article = _one(data)
    assert article.headline == "Sumo: Yokozuna wins 10th title"
    assert article.dateline == "OSAKA, Japan, March 24 Kyodo -" and article.source == "Kyodo"
    assert article.paragraphs == ("The yokozuna won on Sunday.", "He had lost once.")
    assert article.wire is not None and article.wire.located == "OSAKA, Japan"


NITF_VARIANT = b"""<nitf><head><docdata management-status="embargoed"><date.issue norm="20240301T080000Z"/>
<date.release norm="20240302T000000Z"/><evloc city="Valencia"/></docdata></head>
<body><body.head><hedline><hl1>&gt;&gt;&gt;ANSA/Floods close schools</hl1></hedline>
<byline>By <person>Ana Ruiz</person> <byttl>Staff Correspondent</byttl></byline></body.head>
<body.content><p>(ANSA) - Valencia, March 1 - Schools stayed shut.</p></body.content></body></nitf>"""


def test_nitf_variants_title_apart_from_byline_routing_prefix_agency_first_dateline_embargo() -> None:
    article = _one(NITF_VARIANT)
    assert article.headline == "Floods close schools"
    assert article.dateline == "(ANSA) - Valencia, March 1 -" and article.paragraphs == ("Schools stayed shut.",)
    assert article.wire is not None and article.wire.byline == "By Ana Ruiz"
    assert article.wire.status == "usable" and article.wire.embargo == "20240302T000000Z"
    assert article.wire.located == "Valencia"
    own_text = NITF_VARIANT.replace(b"</byline>", b"</byline><dateline>Oslo</dateline>")
    own_text = own_text.replace(b"(ANSA) - Valencia, March 1 - ", b"")
    assert _one(own_text).dateline == "Oslo" and _one(own_text).wire.located == "Oslo"  # type: ignore[union-attr]
    initials = NITF_VARIANT.replace(b"By <person>Ana Ruiz</person> <byttl>Staff Correspondent</byttl>", b"jm\\lp")
    assert _one(initials).wire.byline is None  # type: ignore[union-attr]


NEWSML12_VARIANT = """<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>agency.example</ProviderId>
<DateId>20240301</DateId><NewsItemId>X1</NewsItemId><RevisionId>2</RevisionId></NewsIdentifier>
<NameLabel>Spain-weather-floods-schools-education</NameLabel></Identification>
<NewsManagement><Status FormalName="Usable"/></NewsManagement>
<NewsComponent xml:lang="es"><NewsLines><HeadLine>Inundaciones cierran escuelas</HeadLine>
<SlugLine>Spain-floods</SlugLine></NewsLines>
<AdministrativeMetadata><Property FormalName="Priority" Value="2"/></AdministrativeMetadata>
<NewsComponent><Role FormalName="Caption"/><ContentItem><DataContent>Una foto.</DataContent></ContentItem></NewsComponent>
<NewsComponent><Role FormalName="Main"/><ContentItem><MediaType FormalName="Text"/>
<DataContent>{body}</DataContent></ContentItem></NewsComponent></NewsComponent></NewsItem></NewsML>"""


@pytest.mark.parametrize(
    "body",
    [
        "<p>Nieuw bericht, vervangt: oud</p><p>VALENCIA (EFE) - Las escuelas cerraron.</p><p>Siguen cerradas.</p>",
        "<![CDATA[<P>Nieuw bericht, vervangt: oud</P><P>VALENCIA (EFE) - Las escuelas cerraron.</P>"
        "<P>Siguen cerradas.</P><P> </P><P>\u00a9 2024 Agencia. Todos los derechos reservados.</P>]]>",
    ],
    ids=["p-under-DataContent", "cdata-html"],
)
def test_newsml12_text_components_without_nitf_slugline_first_and_declared_language(body: str) -> None:
    article = _one(NEWSML12_VARIANT.format(body=body).encode("utf-8"))
    assert article.paragraphs == ("Las escuelas cerraron.", "Siguen cerradas.")
    assert article.dateline == "VALENCIA (EFE) -" and article.lang == "es"
    assert article.wire is not None and article.wire.slug == "Spain-floods" and article.wire.urgency == 2
    assert article.wire.signals == ("update",)  # "replaces: …" says this version replaces an earlier one


def test_newsml12_lines_of_a_nested_component_and_an_agency_closing_the_dateline() -> None:
    data = b"""<NewsML><NewsItem><NewsManagement><Urgency>2</Urgency></NewsManagement>
<NewsComponent><NewsLines><CopyrightLine>(c) Agency 2019</CopyrightLine></NewsLines>
<NewsComponent xml:lang="en"><Role FormalName="Main"/><NewsLines><HeadLine>Kremlin reacts</HeadLine>
<SlugLine>Russia-EU</SlugLine></NewsLines><ContentItem><DataContent><nitf><body><body.content>
<p>MOSCOW, January 21. /TASS/. The Kremlin reacted.</p></body.content></body></nitf></DataContent></ContentItem>
</NewsComponent></NewsComponent></NewsItem></NewsML>"""
    article = _one(data)
    assert (article.headline, article.dateline) == ("Kremlin reacts", "MOSCOW, January 21. /TASS/.")
    assert article.paragraphs == ("The Kremlin reacted.",)
    assert article.wire is not None and article.wire.slug == "Russia-EU" and article.wire.urgency == 2


def test_newsml_g2_html_sent_as_plain_inline_data_and_desk_initials() -> None:
    data = b"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g1" version="1">
<contentMeta><by>gr/bp</by></contentMeta><contentSet>
<inlineData contenttype="text/plain"><![CDATA[<p>(ANSA) - Milano, 3 marzo - Piove.</p><p>Ancora.</p>]]></inlineData>
</contentSet></newsItem>"""
    article = _one(data)
    assert article.dateline == "(ANSA) - Milano, 3 marzo -" and article.paragraphs == ("Piove.", "Ancora.")
    assert article.wire is not None and article.wire.byline is None  # desk initials name no writer


def test_desk_initials_in_any_separator_are_no_byline_but_a_name_is() -> None:
    """SDA writes 'ah, mr, lif', EFE 'gr/bp', others 'jk; ab': initials of the desk, not a writer."""
    for initials in ("ah, mr, lif", "gr/bp", "jk; ab", "lm,me"):
        assert is_desk_initials(initials), initials
    for name in ("Anna Beispiel", "ANSA", "By dpa correspondents", "Paulo Santalucia, Frances D'Emilio"):
        assert not is_desk_initials(name), name


NINJS_2 = {
    "uri": "urn:example:item:1",
    "version": "3",
    "versioncreated": "2024-03-01T08:00:00Z",
    "pubstatus": "withheld",
    "embargoed": "2024-03-02T00:00:00Z",
    "urgency": 2,
    "language": "de",
    "headlines": [{"role": "sub", "value": "Sub"}, {"role": "main", "value": "Hochwasser schließt Schulen"}],
    "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>Berlin (dpa) - Die Schulen bleiben zu.</p>"}],
    "bylines": [{"byline": "Von Anna Beispiel"}],
    "subjects": [{"name": "weather", "uri": "http://cv.iptc.org/newscodes/mediatopic/17000000"}],
    "signals": [{"uri": "sig:correction"}],
    "ednote": "Korrigiert Absatz 2",
}


def test_ninjs_2_names_are_read() -> None:
    article = _one(json.dumps(NINJS_2).encode(), "item.json")
    assert article.headline == "Hochwasser schließt Schulen"
    assert article.dateline == "Berlin (dpa) -" and article.paragraphs == ("Die Schulen bleiben zu.",)
    assert article.author == "Von Anna Beispiel" and article.lang == "de"
    wire = article.wire
    assert wire is not None and (wire.format, wire.guid, wire.version, wire.urgency) == (
        "ninjs",
        "urn:example:item:1",
        3,
        2,
    )
    assert (wire.status, wire.embargo, wire.signals, wire.ednote) == (
        "withheld",
        "2024-03-02T00:00:00Z",
        ("correction",),
        "Korrigiert Absatz 2",
    )
    assert wire.subjects == ("17000000",)


def test_ninjs_text_behind_a_picture_and_a_kill() -> None:
    text_item = {"guid": "t1", "type": "text", "headline": "Storm", "body_text": "It rained.\n\nIt stopped."}
    picture = {"guid": "p1", "type": "picture", "pubstatus": "canceled", "associations": {"story": text_item}}
    article = _one(json.dumps(picture).encode())
    assert article.headline == "Storm" and article.paragraphs == ("It rained.", "It stopped.")
    alone = {"guid": "p2", "type": "picture", "headline": "Museum", "body_text": "A museum."}  # a caption
    (failure,) = read_articles("picture.json", json.dumps(alone).encode())
    assert isinstance(failure, Failure) and "no body text" in failure.error
    killed = _one(json.dumps({**text_item, "pubstatus": "canceled"}).encode())
    assert killed.wire is not None and killed.wire.status == "canceled"


def test_a_one_line_ninjs_file_is_one_document_and_a_jsonl_line_may_be_ninjs() -> None:
    one_line = json.dumps(NINJS_2).encode()
    assert sniff(one_line) == "ninjs"
    record = json.dumps({"title": "T", "text": "Body text."})
    items = parse("feed.jsonl", f"{record}\n{json.dumps(NINJS_2)}\n".encode())
    assert [type(i).__name__ for i in items] == ["Article", "Article"]
    assert items[1].wire is not None and items[1].wire.format == "ninjs"  # type: ignore[union-attr]


def test_a_json_document_in_no_format_is_one_error_not_one_per_line() -> None:
    index = json.dumps({"articles": [{"input": "a.xml", "file": "a.txt"}]}, indent=2).encode()
    with pytest.raises(InputError, match="neither ninjs nor JSON Lines"):
        parse("index.json", index)


def test_a_wire_in_a_language_without_a_model_names_it_and_the_models_yaml_entry(tmp_path: Path) -> None:
    from presssum.config import load_config
    from presssum.roles import Models

    config = load_config(write_echo_config(tmp_path / "models.yaml", ECHO_MODEL))
    for code, name in (("fi", "Finnish"), ("da", "Danish"), ("nb", "Norwegian Bokmål")):
        with pytest.raises(InputError, match=rf"{name}.*models\.yaml.*pairs: {code}:"):
            Models(config).translator(code)


def test_a_ninjs_feed_page_gives_each_item() -> None:
    first = {"uri": "u1", "headline": "One", "body_text": "First.", "source": "AAP", "copyrightholder": "Holder"}
    page = {"total": 2, "item": [first, {"uri": "u2", "headline": "Two", "body_text": "Second."}]}
    articles = parse("page.json", json.dumps(page).encode())
    assert [(a.input, a.headline) for a in articles] == [("page.json#1", "One"), ("page.json#2", "Two")]  # type: ignore[union-attr]
    assert articles[0].source == "AAP"  # type: ignore[union-attr]  # the item's source, not its copyright holder
    envelope = {"api_version": "2", "data": {"items": [{"item": first}]}}
    assert [a.headline for a in parse("feed.json", json.dumps(envelope).encode())] == ["One"]  # type: ignore[union-attr]

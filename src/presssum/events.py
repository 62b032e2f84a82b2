"""What happened, in words every agency's language has: event classes, the sector they hit, and figure roles.

Two stories about the same commissioner, city or criminal network are told apart by what happened: quotas
against price talks, a verdict against an arrest, a rail strike against an air-traffic strike. No
translation is needed: each class is a handful of word stems per language (French, German, Spanish, Italian,
Portuguese, Dutch, English), matched on accent-folded lower-case words. A stem matches a word it begins; German
stems also match inside a word, since German compounds them (`Bahnstreik`, `Erdbeben`, `Haftstrafe`).

A wire's event is the class its words name most, its headline and first paragraph counting more: an arrest
wire recalls the verdict, but it says "arrest" more. The same counting finds the sector (rail, air...).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from presssum.facts.text import fold

# class -> language -> stems. "*" lists stems shared by every language (international words).
Lexicon = dict[str, dict[str, tuple[str, ...]]]

EVENTS: Lexicon = {
    "strike": {
        "fr": ("greve", "grevist", "debray"),
        "de": ("streik", "arbeitsniederleg", "ausstand"),
        "es": ("huelga", "huelguist"),
        "it": ("sciopero", "scioperi", "scioperant"),
        "pt": ("greve", "grevist", "paralisac"),
        "en": ("strike", "walkout", "walk-out"),
        "nl": ("staking", "staken", "stakers"),
    },
    "verdict": {
        "fr": ("condamn", "verdict", "reclusion", "peine de", "peines de", "jugement", "acquitt"),
        "de": (
            "urteil",
            "verurteil",
            "haftstraf",
            "bewahrungsstraf",
            "freiheitsstraf",
            "gefangnisstraf",
            "freispruch",
            "freigesproch",
            "schuldig",
        ),
        "es": ("conden", "sentencia", "veredicto", "absuelt", "absolucion"),
        "it": ("condann", "sentenz", "verdetto", "ergastol", "assolt", "assoluzion"),
        "pt": ("conden", "sentenca", "veredicto", "absolvi"),
        "en": ("sentenc", "convict", "verdict", "acquit", "guilty"),
        "nl": ("veroordeel", "vonnis", "celstraf", "vrijgesproken", "uitspraak"),
    },
    "arrest": {
        "fr": ("arrestation", "arrete", "interpell", "apprehend", "capture"),
        "de": ("festnahm", "festgenommen", "verhaft", "gefasst", "aufgegriffen"),
        "es": ("detenid", "detencion", "detuv", "detien", "arrestad", "arresto", "capturad", "captura"),
        "it": ("arrest", "catturat", "cattura", "fermat", "preso in ", "presi in "),  # 'preso in Portogallo
        "pt": ("detid", "detencao", "detev", "detiv", "capturad", "prisao de", "preso"),
        # 'Fugitive partner in Bordeaux fake wine case held in Spain': the headline's word for an arrest
        "en": ("arrest", "detain", "captur", "apprehend", "caught", "held in ", "held at ", "held over "),
        "nl": ("arrestat", "aangehouden", "opgepakt", "gearresteerd", "aanhouding"),
    },
    "earthquake": {
        "fr": ("seism", "tremblement de terre", "secousse", "sismique", "replique"),
        "de": ("erdbeben", "beben", "erdstoss", "nachbeben"),
        "es": ("terremoto", "sismo", "seism", "temblor", "replica"),
        "it": ("terremoto", "sism", "scossa", "scosse"),
        "pt": ("terremoto", "sismo", "abalo"),
        "en": ("earthquake", "quake", "tremor", "seismic", "aftershock"),
        "nl": ("aardbeving", "beving", "naschok"),
    },
    "landslide": {  # earth, rock, mud or snow coming down a slope: avalanches too
        "fr": ("glissement de terrain", "glissements de terrain", "eboulement", "coulee de boue", "avalanche"),
        "de": ("erdrutsch", "hangrutsch", "murgang", "mure", "felssturz", "bergsturz", "lawine"),
        "es": ("deslizamiento", "desprendimiento", "desprenderse", "corrimiento de tierra", "alud", "avalancha"),
        "it": ("frana", "frane", "smottament", "colata di fango", "valanga", "valanghe", "slavina"),
        "pt": ("deslizamento", "derrocada", "aluimento", "avalanche"),
        "en": ("landslide", "mudslide", "rockfall", "landslip", "avalanche"),
        "nl": ("aardverschuiving", "modderstroom", "lawine"),
    },
    "quota": {
        "fr": ("quota", "contingent"),
        "de": ("quoten", "einfuhrquote", "importquote", "fangquote", "kontingent", "hochstmenge"),
        "es": ("cuota", "cupo", "contingente"),
        "it": ("quote di", "quote d", "contingent", "quota di importazione"),
        "pt": ("cota", "quota", "contingente"),
        "en": ("quota",),
        "nl": ("quota", "contingent"),
    },
    "talks": {
        "fr": ("negociation", "negocier", "pourparler"),
        "de": ("verhandl", "verhandel", "gesprachsrunde"),
        "es": ("negociac", "negociar"),
        "it": ("negoziat", "trattativ"),
        "pt": ("negociac", "negociar"),
        "en": ("negotiat", "talks"),
        "nl": ("onderhandel", "overleg"),
    },
    "election": {
        "fr": ("election", "electeur", "electoral", "scrutin", "urnes"),
        "de": ("wahl", "wahler", "stimmzettel"),
        "es": ("eleccion", "electoral", "comicios", "votant", "urnas"),
        "it": ("elezion", "elettoral", "elettori", "urne", "ballottaggio"),
        "pt": ("eleic", "eleitor", "eleitoral", "urnas"),
        "en": ("election", "electoral", "ballot", "voters", "polls"),
        "nl": ("verkiezing", "kiezers", "stembus"),
    },
    "fire": {
        "fr": ("incendi", "feu de foret", "feux de foret", "flammes"),
        "de": ("brand ", "brande", "brandes", "grossbrand", "waldbrand", "hausbrand", "feuer ", "flammen"),
        "es": ("incendi", "llamas", "fuego"),
        "it": ("incendi", "fiamme", "rogo"),
        "pt": ("incendi", "chamas", "fogo"),
        "en": ("fire ", "fires", "blaze", "wildfire", "flames", "caught fire"),
        "nl": ("brand ", "branden", "bosbrand", "heidebrand", "natuurbrand", "duinbrand", "vlammen"),
    },
    "flood": {
        "fr": ("inond", "crue", "intemperi", "pluies diluviennes", "pluies torrentielles"),
        "de": ("hochwasser", "uberschwemm", "uberflut", "flut", "unwetter", "starkregen"),
        "es": ("inundac", "riada", "crecida", "lluvias torrenciales", "temporal", "dana"),
        "it": ("alluvion", "esondaz", "inondaz", "allagam", "maltempo", "nubifragi"),
        "pt": ("inundac", "enchente", "cheia", "chuvas torrenciais"),
        "en": ("flood", "torrential", "deluge", "inundat"),
        "nl": ("overstroming", "wateroverlast", "noodweer"),
    },
    "accident": {
        # a level crossing is in the news for its crashes: 'Treno contro trattore sul passaggio a livello'
        "fr": (
            *("accident", "collision", "derailla", "carambolage", "percute", "heurte", "passage a niveau"),
            *("s'ecras", "se sont ecrase", "crash "),  # an aircraft: 's'est écrasé', 'le crash d'un hélicoptère'
        ),
        "de": (
            *("unfall", "unglueck", "ungluck", "zusammenstoss", "entgleis", "kollision", "rammt", "gerammt"),
            *("karambolage", "bahnubergang", "absturz", "abgesturzt", "sturzte ab", "sturzt ab"),
        ),
        "es": (
            *("accidente", "choque", "colision", "descarril", "siniestro", "choco ", "embist", "paso a nivel"),
            *("estrellarse", "se estrello", "se estrellaron", "se estrella "),  # not 'estrella', a star
        ),
        "it": (
            *("incidente", "scontro", "deragli", "collision", "schianto", "urta ", "urtato", "urtata"),
            *("passaggio a livello", "precipitato", "precipitata", "precipitati"),  # not 'precipitazioni', rain
        ),
        "pt": (
            *("acidente", "colisao", "descarril", "choque", "embate", "embateu", "colidiu", "passagem de nivel"),
            "despenh",  # an aircraft: 'despenhou-se'
        ),
        "en": (
            *("accident", "crash", "collision", "derail", "collided", "rammed", "slammed into", "ploughed into"),
            *("plowed into", "smashed into", "level crossing", "grade crossing"),
        ),
        "nl": (
            *("ongeluk", "ongeval", "botsing", "ontspoor", "aanvaring", "ramde", "ramt ", "spoorwegovergang"),
            *("neergestort", "stortte neer", "stort neer", "crash"),  # an aircraft
        ),
    },
    "attack": {
        "fr": ("attentat", "attaque", "fusillade", "agression"),
        "de": ("anschlag", "angriff", "attentat", "schusse"),
        "es": ("atentado", "ataque", "tiroteo", "agresion"),
        "it": ("attentato", "attacco", "sparatoria", "aggression"),
        "pt": ("atentado", "ataque", "tiroteio"),
        "en": ("attack", "bombing", "shooting", "assault"),
        "nl": ("aanslag", "aanval", "schietpartij"),
    },
    "protest": {
        "fr": ("manifestation", "manifestant", "rassemblement", "cortege"),
        "de": ("demonstr", "kundgebung", "protest"),
        "es": ("manifestac", "manifestant", "protesta", "concentracion"),
        "it": ("manifestaz", "manifestant", "protesta", "corteo", "presidio"),
        "pt": ("manifestac", "manifestant", "protesto"),
        "en": ("protest", "demonstrat", "rally", "marchers"),
        "nl": ("protest", "demonstr", "betoging", "betoger"),
    },
    "storm": {
        "fr": ("tempete", "ouragan", "cyclone", "rafales"),
        "de": ("sturm", "orkan", "wirbelsturm", "boen"),
        "es": ("tormenta", "huracan", "ciclon", "rachas", "borrasca"),
        "it": ("tempesta", "uragano", "ciclone", "bufera", "raffiche"),
        "pt": ("tempestade", "furacao", "ciclone", "rajadas", "depressao"),
        "en": (
            "storm",
            "snowstorm",
            "thunderstorm",
            "windstorm",
            "blizzard",
            "hurricane",
            "cyclone",
            "gusts",
            "typhoon",
        ),
        "nl": ("storm", "sneeuwstorm", "onweer", "orkaan", "windstoten", "windhoos"),
        "*": ("tornad", "windhose", "tromba d'aria", "trombe"),
    },
    "explosion": {
        "fr": ("explosion",),
        "de": ("explosion", "detonation", "explodiert"),
        "es": ("explosion", "estallido"),
        "it": ("esplosion", "scoppio", "deflagrazion"),
        "pt": ("explosao",),
        "en": ("explosion", "blast", "exploded"),
        "nl": ("explosie", "ontploff"),
    },
    # gas or a chemical escaping: a leak that empties a block, a solvent spilt into a river ('en fuite' is no leak)
    "leak": {
        "fr": ("fuite de gaz", "fuite d'un", "fuite de produit", "fuite chimique", "fuite toxique", "deversement"),
        "de": ("gasleck", "gasaustritt", "leck ", "lecks", "chemieunfall", "olpest"),
        "es": ("fuga de gas", "fuga toxica", "fuga quimica", "escape de gas", "vertido"),
        "it": ("fuga di gas", "fuga tossica", "sversamento", "perdita di gas"),
        "pt": ("fuga de gas", "vazamento", "derrame"),
        "en": ("gas leak", "leak", "spill"),
        "nl": ("gaslek", "lek ", "lekkage", "gelekt"),
    },
    # a building, bridge or road giving way, or the ground under it (a sinkhole)
    "collapse": {
        "fr": ("effondr", "ecroul", "affaissement", "gouffre"),
        "de": ("einsturz", "eingesturzt", "tagesbruch", "erdfall"),
        "es": ("derrumb", "desplom", "socavon"),
        "it": ("crollo", "crollat", "crolla", "cedimento", "voragine"),
        "pt": ("desab", "ruiu", "ruir", "colapso", "abatimento"),
        "en": ("collapse", "caved in", "sinkhole"),
        "nl": ("instort", "ingestort", "stortte in", "zinkgat"),
    },
    "shipwreck": {
        "fr": ("naufrage", "chavir", "a sombre", "ont sombre"),
        "de": ("untergang", "kenter", "schiffbruch", "schiffsungluck"),
        "es": ("naufragio", "naufrago", "hundimiento", "se hundio", "zozobr"),
        "it": ("naufragio", "naufraghi", "affondat", "affondamento", "ribaltat"),
        "pt": ("naufragio", "naufrago", "afundou", "afundamento", "afundad"),
        "en": ("shipwreck", "sinking of", "capsiz", "sank off", "boat sank", "ship sank", "vessel sank"),
        "nl": ("schipbreuk", "gezonken", "zonk", "kapseis"),
    },
    # an animal disease found on a farm (culling alone is no outbreak: wolves are culled too)
    "outbreak": {
        "fr": ("grippe aviaire", "influenza aviaire", "peste porcine", "fievre aphteuse"),
        "de": ("geflugelpest", "vogelgrippe", "schweinepest", "klauenseuche"),
        "es": ("gripe aviar", "influenza aviar", "peste porcina", "fiebre aftosa"),
        "it": ("aviaria", "peste suina", "afta epizootica"),
        "pt": ("gripe aviaria", "peste suina", "febre aftosa"),
        "en": ("bird flu", "avian flu", "avian influenza", "swine fever", "foot-and-mouth"),
        "nl": ("vogelgriep", "varkenspest", "mond-en-klauwzeer"),
    },
    # a company's news: what two firms of one sector, on one day, are told apart by
    "job cuts": {
        "fr": (
            *("suppression d'emplois", "suppressions d'emplois", "suppression de postes", "suppressions de postes"),
            *("licenci", "plan social", "chomage partiel", "chomage technique", "activite partielle"),
            *("fermer son usine", "ferme son usine", "fermeture de l'usine", "fermeture d'usine"),
        ),
        "de": (
            *("stellenabbau", "jobabbau", "personalabbau", "arbeitsplatzabbau", "entlassung", "kurzarbeit"),
            *("werksschliessung", "schliesst werk", "schliesst sein werk", "schliessung des werks"),
        ),
        "es": (
            *("despido", "despedir", "recorte de empleo", "recorte de plantilla", "regulacion de empleo", "erte "),
            *(
                "cierre de la planta",
                "cierre de su planta",
                "cerrara su planta",
                "cierra su planta",
                "cierre de la fabrica",
            ),
        ),
        "it": (
            *("esuber", "licenziament", "licenziare", "taglio dei posti", "tagli al personale", "cassa integrazione"),
            *("chiusura dello stabilimento", "chiude lo stabilimento", "chiudera lo stabilimento"),
        ),
        "pt": (
            *("despedimento", "despedir", "lay-off", "layoff", "cortar postos", "corte de postos"),
            *("encerramento da fabrica", "encerrar a fabrica", "fecha a fabrica", "fechar a fabrica"),
        ),
        "en": (
            *("job cuts", "cut jobs", "cutting jobs", "layoff", "lay off", "laid off", "redundanc", "furlough"),
            *("plant closure", "close its plant", "close plant", "closes plant", "shut its plant"),
        ),
        "nl": (
            *("banenverlies", "ontslag", "banen schrappen", "tijdelijk thuis", "tijdelijk werkloos"),
            *("schrapt banen", "schrapt honderden banen", "schrapt duizenden banen"),  # not 'schrapt 410 vluchten'
            *("sluit fabriek", "sluiting van de fabriek", "sluit zijn fabriek", "fabriek sluit"),
        ),
    },
    "results": {
        "fr": (
            "benefice",
            "chiffre d'affaires",
            "perte nette",
            "pertes nettes",
            "resultats semestriels",
            "ventes record",
        ),
        "de": (
            "nettogewinn",
            "gewinn ",
            "gewinns",
            "gewinnwarnung",
            "umsatz ",
            "umsatzes",
            "nettoverlust",
            "quartalszahlen",
            "jahresergebnis",
            "halbjahresergebnis",
        ),
        "es": (
            "beneficio",
            "facturacion",
            "perdida neta",
            "perdidas netas",
            "ganancias",
            "cuentas anuales",
            "ventas record",
        ),
        "it": (
            "utile netto",
            "utile operativo",
            "utili netti",
            "ricavi",
            "fatturato",
            "perdita netta",
            "conti del",
            "semestrale",
            "vendite record",
        ),
        "pt": ("lucro", "receitas", "prejuizo", "volume de negocios", "resultados semestrais", "vendas recorde"),
        "en": (
            "profit",
            "earnings",
            "revenue",
            "net loss",
            "annual loss",
            "half-year results",
            "quarterly results",
            "record sales",
        ),
        "nl": ("winst", "omzet", "recordomzet", "nettoverlies", "jaarcijfers", "kwartaalcijfers", "halfjaarcijfers"),
    },
    "order": {
        "fr": ("commande",),
        "de": ("auftrag", "bestellung"),
        "es": ("pedido de", "pedidos de", "encargo de", "encarga"),
        "it": ("commessa", "commesse", "ordinativ"),
        "pt": ("encomenda",),
        "en": ("order for", "orders for", "order worth", "orders worth", "ship order", "an order ", "order book"),
        "nl": ("order ", "orders ", "bestelling"),
    },
    "takeover": {
        "fr": ("rachat", "rachete", "acquisition", "fusion", "opa "),
        "de": ("ubernahme", "ubernimmt", "fusion"),
        "es": ("adquisicion", "adquiere", "compra ", "fusion", "opa "),  # "Mosane compra la neerlandesa De Kroon"
        "it": ("acquisizion", "acquista", "rileva", "fusione", "opa "),
        "pt": ("aquisicao", "adquire", "compra ", "fusao", "opa "),
        "en": ("takeover", "acquisition", "acquire", "merger", "buys ", "to buy "),
        "nl": ("overname", "neemt over", "fusie", "koopt"),
    },
}

# A company's news: no event happens at a place (a plant's town is its own news, its headquarters' its dateline).
BUSINESS = frozenset({"job cuts", "results", "order", "takeover"})
# Said in a headline, these make a wire a look back at an earlier event, not news of a new one.
ANNIVERSARY: Lexicon = {
    "anniversary": {
        "fr": ("un an apres", "ans apres", "anniversaire", "commemor", "il y a un an"),
        "de": ("vor einem jahr", "jahre nach", "jahrestag", "gedenk", "gedacht"),
        "es": ("un ano despues", "anos despues", "aniversario", "hace un ano", "conmemor", "homenaje"),
        "it": ("un anno fa", "anni fa", "un anno dopo", "anniversario", "commemor"),
        "pt": ("um ano depois", "ha um ano", "aniversario", "homenage"),
        "en": ("a year after", "a year on", "years after", "years on", "anniversary", "commemorat"),
        "nl": ("een jaar na", "jaar geleden", "herdenk", "verjaardag"),
    },
}
# "N years ago" with any N, in words or digits: "il y a cinq ans", "vor 20 Jahren", "há cinco anos", "dix ans plus tôt".
_YEARS_AGO = re.compile(
    r"(?<!\w)(?:(?:il y a|vor|hace|ha) (?:[\w-]+ ){1,2}(?:ans|jahren|anos)"
    r"|(?:[\w-]+ ){1,2}(?:years ago|anni fa|jaar geleden)"
    r"|(?:ans|jahre|anos|anni|years|jaar) (?:apres|nach|despues|depois|dopo|after|on|na)"
    r"|(?:ans|jahre|anos|anni|years|jaar) (?:plus tot|auparavant|zuvor|fruher|antes|prima|earlier|before|eerder)"
    # "Diez años del incendio", "dez anos do", "dieci anni dalla", "ten years since", "tien jaar sinds"
    r"|(?:ans|jahre|anos|anni|years|jaar) (?:depuis|seit|del|de la|desde|do|da|dal|dalla|dallo|dall|since|sinds))(?!\w)"
)

# Said in a headline, these make a wire a later version of its agency's report: "toll rises to 3".
UPDATE: Lexicon = {
    "update": {
        "fr": ("passe a", "s'alourdit", "monte a", "grimpe a", "nouveau bilan"),
        "de": ("steigt", "gestiegen", "erhoht sich"),
        "es": ("sube a", "suben a", "asciende a", "ascienden a", "se eleva", "eleva a"),
        "it": ("sale a", "salgono a", "sale il bilancio", "aggiornamento"),
        "pt": ("sobe para", "aumenta para", "eleva-se"),
        "en": ("rises to", "rise to", "climbs to", "rose to", "update"),
        "nl": ("stijgt", "gestegen", "loopt op"),
    },
}

SECTORS: Lexicon = {
    "rail": {
        "fr": ("train", "ferroviaire", "tgv", "ter ", "cheminot", "rer ", "gare"),
        "de": ("bahnstreik", "bahnverkehr", "deutsche bahn", "zugverkehr", "zugausfall", "lokfuhrer", "fernzug"),
        "es": ("tren", "ferroviari", "renfe", "maquinist", "cercanias", "estacion"),
        "it": ("treno", "treni", "ferrovi", "trenitalia", "macchinist", "stazione"),
        "pt": ("comboio", "trem", "ferrovi", "cp "),
        "en": ("train", "railway", "rail strike", "rail traffic", "rail workers"),
        "nl": ("trein", "spoor", "ns "),
    },
    "air": {
        "fr": ("vols", "vol ", "aerien", "aeroport", "aerienne", "aviation", "aiguilleurs du ciel", "compagnie"),
        "de": ("flug", "fluge", "luftverkehr", "fluglots", "flughafen", "airline", "luftfahrt"),
        "es": ("vuelo", "aereo", "aerea", "aeropuerto", "aerolinea", "controladores"),
        "it": ("voli", "volo", "aereo", "aerea", "aeroport", "controllori di volo", "compagni"),
        "pt": ("voos", "voo", "aereo", "aerea", "aeroporto", "companhia"),
        "en": ("flight", "air traffic", "airport", "airline", "aviation", "air-traffic"),
        "nl": ("vlucht", "luchtvaart", "luchthaven", "schiphol", "luchtverkeer"),
    },
}

# Figure roles: the word next to a figure that says what it counts ("12 morts", "magnitude 4,1").
ROLES: Lexicon = {
    "deaths": {
        "fr": ("mort", "tue", "deces", "victimes", "decede", "bilan", "noye", "noyade"),
        "de": (
            *("tote", "toten", "todesopfer", "getotet", "ums leben", "verstorben", "in den tod", "starben", "starb "),
            *("ertrunken", "ertrank"),
        ),
        "es": (
            "muerto",
            "fallecid",
            "victimas mortales",
            "muertes",
            "balance",
            "murieron",
            "murio ",
            "mato ",
            "matando",
            "ahogad",
        ),
        "it": ("morti", "mort", "vittime", "decedut", "deceduti", "bilancio", "uccis", "annegat"),
        "pt": ("mortos", "mortes", "vitimas", "falecid", "morreram", "morreu ", "matou", "matando", "afogad"),
        "en": ("dead", "kill", "deaths", "death toll", "toll", "fatalities", "died", "drown"),
        "nl": (
            *("doden", "omgekomen", "om het leven", "dodelijke slachtoffers", "dodental", "stierven", "overleden"),
            *("verdronk", "verdronken"),
        ),
    },
    "injured": {
        "fr": ("bless",),
        "de": ("verletzt",),
        "es": ("herid",),
        "it": ("ferit",),
        "pt": ("ferid",),
        "en": ("injur", "wounded", "hurt"),
        "nl": ("gewond",),
    },
    "missing": {
        "fr": ("disparu",),
        "de": ("vermisst",),
        "es": ("desaparecid",),
        "it": ("dispers",),
        "pt": ("desaparecid",),
        "en": ("missing",),
        "nl": ("vermist",),
    },
    # people taken to hospital, beside the injured: a poisoning's or a smoky fire's count ('Onze personnes ont
    # été hospitalisées', '43 Gäste ins Krankenhaus gebracht', 'sends 43 guests to hospital', '38 ricoverati')
    "hospitalised": {
        "fr": ("hospitalis", "hopital"),
        "de": ("krankenhaus", "klinik", "spital"),
        "es": ("hospitaliz", "ingresad", "hospital"),
        "it": ("ricoverat", "ospedal"),
        "pt": ("hospitaliz", "internad", "hospital"),
        "en": ("hospital",),
        "nl": ("ziekenhuis",),
    },
    # animals killed to stop an outbreak, named as the wire names them: '145 000 poulets', '154 000 Hühner',
    # 'cull 180,000 hens', '145.000 kippen geruimd'
    "culled": {
        "fr": ("volaille", "poulet", "poule", "canard", "abattage"),
        "de": ("huhner", "hennen", "geflugel", "schweine", "gekeult"),
        "es": ("gallinas", "pollos", "aves", "cerdos", "sacrificad"),
        "it": ("galline", "polli", "volatili", "maiali", "abbattiment"),
        "pt": ("galinhas", "frangos", "aves", "porcos"),
        "en": ("chickens", "hens", "birds", "poultry", "ducks", "turkeys", "pigs", "cull"),
        "nl": ("kippen", "hennen", "pluimvee", "eenden", "varkens", "dieren", "geruimd"),
    },
    # people who had to leave their homes, however the wire says it ('forcing 380 people from their homes')
    "evacuated": {
        "fr": ("evacu", "sinistr", "sans-abri", "quitter leur", "quitter son", "deplac", "reloge"),
        "de": ("evakuiert", "obdachlos", "in sicherheit gebracht", "ihre hauser", "ihre wohnungen", "ihr zuhause"),
        "es": ("evacua", "desaloj", "damnificad", "desplazad", "abandonar sus", "dejar sus"),
        "it": ("evacua", "sfollat", "sgomberat", "lasciare le", "lasciare la", "senza casa"),
        "pt": (
            "evacua",
            "desaloj",
            "desabrigad",
            "deslocad",
            "retirad",
            "retirar",
            "deixar as",
            "deixar a sua",
            "deixar suas",
        ),
        "en": (
            "evacuat",
            "homeless",
            "displaced",
            "from their home",
            "from homes",
            "leave their home",
            "fled their home",
        ),
        "nl": ("geevacueerd", "dakloos", "hun huis", "hun huizen", "hun woning", "ontheemd"),
    },
    "magnitude": {
        "*": ("magnitud", "richter"),
        "de": ("starke",),
        "it": ("grado", "gradi"),
        "en": ("magnitude",),
        "nl": ("kracht",),
    },
    "prison term": {
        "fr": ("prison", "reclusion", "detention", "emprisonnement", "ferme", "condamne a"),
        "de": ("haft ", "haftstraf", "gefangnis", "freiheitsstraf", "verurteilt zu"),  # not "Beschäftigte"
        "es": ("carcel", "prision", "reclusion", "condenado a", "condenada a"),
        "it": ("carcere", "reclusione", "detenzione", "prigione", "condannato", "condannata"),
        "pt": ("prisao", "cadeia", "reclusao", "condenado a", "condenada a"),
        "en": ("prison", "jail", "imprisonment", "sentenced to"),
        "nl": ("cel", "gevangenis", "veroordeeld tot"),
    },
    # a fine or the most a fine may be: 'Bußgelder von bis zu 30.000 Euro', 'des amendes pouvant atteindre'
    "fine": {
        "fr": ("amende",),
        "de": ("bußgeld", "bussgeld", "geldstraf", "geldbuße"),
        "es": ("multa",),
        "it": ("multa", "ammenda"),
        "pt": ("multa", "coima"),
        "en": ("fine", "fined"),
        "nl": ("boete",),
    },
    "arrested": {
        "fr": ("arrestation", "interpell", "personnes arretees", "suspects"),
        "de": ("festnahm", "festgenommen", "verdachtig"),
        "es": ("detenid", "arrestad", "sospechos"),
        "it": ("arrest", "fermat", "indagat", "sospett"),
        "pt": ("detid", "presos", "suspeit"),
        "en": ("arrest", "detained", "suspects"),
        "nl": ("arrestat", "aangehouden", "opgepakt", "verdachten"),
    },
    "flights": {
        "fr": ("vols",),
        "de": ("fluge", "flugen", "verbindungen"),
        "es": ("vuelos",),
        "it": ("voli",),
        "pt": ("voos",),
        "en": ("flights", "departures", "arrivals"),
        "nl": ("vluchten",),
    },
    "trains": {
        "fr": ("trains", "tgv", "ter "),  # 'TER', not '121 mineurs présents sous terre'
        "de": ("zuge", "zugen"),
        "es": ("trenes",),
        "it": ("treni",),
        "pt": ("comboios", "trens"),
        "en": ("trains",),
        "nl": ("treinen",),
    },
    "passengers": {
        "fr": ("passager", "voyageur", "a bord"),
        "de": ("passagier", "reisende", "fahrgast", "fahrgaste", "an bord"),
        "es": ("pasajer", "viajer", "a bordo"),
        "it": ("passegger", "viaggiator", "a bordo"),
        "pt": ("passageir", "a bordo"),
        "en": ("passenger", "travellers", "travelers", "on board", "aboard"),
        "nl": ("passagier", "reiziger", "aan boord"),
    },
    # people under snow, rubble or mud: an avalanche's or a collapse's count, before it is a toll
    "buried": {
        "fr": ("ensevel",),
        "de": ("verschuttet",),
        "es": ("sepultad",),
        "it": ("sepolt", "travolt"),
        "pt": ("soterrad",),
        "en": ("buried",),
        "nl": ("bedolven",),
    },
    # rain that fell, in litres (or millimetres) per square metre
    # how deep a sinkhole, a crater or a flood is: '12 mètres de profondeur', 'a 15-metre-deep sinkhole'
    "depth": {
        "fr": ("profond",),
        "de": ("tief ", "tiefe "),
        "es": ("profund",),
        "it": ("profond",),
        "pt": ("profund",),
        "en": ("deep", "depth"),
        "nl": ("diep ", "diepte"),
    },
    "rainfall": {
        "fr": ("par metre carre", "de pluie", "d'eau par"),
        "de": ("pro quadratmeter", "regen pro", "liter regen", "niederschlag"),
        "es": ("por metro cuadrado", "de lluvia"),
        "it": ("al metro quadro", "per metro quadro", "di pioggia"),
        "pt": ("por metro quadrado", "de chuva"),
        "en": ("per square metre", "per square meter", "of rain", "rainfall"),
        "nl": ("per vierkante meter", "regen"),
    },
    # people who marched, however the wire says it: '12 000 soignants dans la rue', 'ont défilé', 'de straat op'
    "protesters": {
        "fr": ("manifestant", "defile", "dans la rue"),
        "de": ("demonstrant", "kundgebungsteilnehmer", "demonstrierten", "auf die strasse"),
        "es": ("manifestant", "marcharon", "desfilaron", "salieron a la calle"),
        "it": ("manifestant", "sfilat", "in piazza", "in corteo"),
        "pt": ("manifestant", "desfilaram", "marcharam", "sairam a rua"),
        "en": ("protesters", "demonstrators", "marchers", "marched", "took to the streets"),
        "nl": ("betoger", "demonstrant", "demonstreerden", "de straat op"),
    },
    "tonnes": {
        "*": ("tonne", "tonnen", "toneladas", "tonnellat", "tons"),
    },
    # a small weight: a meteorite's fragment, a seizure's drugs ('320 Gramm schweren', 'a 380-gram fragment')
    "grams": {
        "*": ("gram ", "grams", "gramos", "grammi", "gramas", "grammes", "gramme ", "gramm "),
    },
    "gusts": {
        "fr": ("rafale",),
        "de": ("boe", "sturmboe", "windboe", "orkanboe"),
        "es": ("racha",),
        "it": ("raffica", "raffiche"),
        "pt": ("rajada",),
        "en": ("gust",),
        "nl": ("windstoot", "windstoten", "windvlaag", "windvlagen"),
    },
    "ships": {
        "fr": ("navires", "bateaux", "cargos"),
        "de": ("schiffe", "frachter"),
        "es": ("barcos", "buques", "navios"),
        "it": ("navi ", "imbarcazioni"),
        "pt": ("navios", "barcos", "embarcacoes"),
        "en": ("ships", "vessels", "boats"),
        "nl": ("schepen", "zeeschepen", "boten", "binnenvaartschepen"),
    },
    "cars": {  # cars a sinkhole swallowed or a pile-up involved: 'cinque auto', 'sechs Autos', 'seis coches'
        "fr": ("voiture", "vehicule"),
        "de": ("autos", "pkw", "fahrzeuge", "wagen "),
        "es": ("coches", "vehiculos", "automoviles", "turismos"),
        "it": ("auto ", "automobili", "veicoli", "vetture"),
        "pt": ("carros", "viaturas", "veiculos", "automoveis"),
        "en": ("cars", "vehicles"),
        "nl": ("auto's", "autos", "voertuigen"),
    },
    # homes or people a storm or a fault left without power: '190.000 Haushalte ohne Strom', '160 000 foyers privés
    # d'électricité'
    "without power": {
        "fr": ("prives d'electricite", "sans electricite", "prives de courant", "sans courant"),
        "de": ("ohne strom",),
        "es": ("sin luz", "sin electricidad", "sin suministro electrico"),
        "it": ("senza corrente", "senza luce", "senza elettricita"),
        "pt": ("sem luz", "sem eletricidade", "sem electricidade", "sem energia"),
        "en": ("without power", "without electricity", "lost power"),
        "nl": ("zonder stroom",),
    },
    "lorries": {
        "fr": ("camion", "poids lourd", "poids-lourd"),
        "de": ("lkw", "lastwagen", "laster"),
        "es": ("camion",),
        "it": ("camion", "tir ", "autoarticolat"),
        "pt": ("camiao", "camioes", "camioe"),
        "en": ("lorries", "lorry", "truck", "hgv"),
        "nl": ("vrachtwagen", "vrachtauto"),
    },
    "tractors": {
        "fr": ("tracteur",),
        "de": ("traktor", "trecker"),
        "es": ("tractor",),
        "it": ("trattor",),
        "pt": ("trator", "tractor"),
        "en": ("tractor",),
        "nl": ("trekker", "tractor"),
    },
    # surgeries and consultations a hospital puts off: '240 cirurgias', 'postpone 240 operations'
    "operations": {
        "fr": ("operations chirurg", "interventions chirurg", "chirurgies"),
        "de": ("operationen", "eingriffe"),
        "es": ("operaciones", "cirugias", "intervenciones quirurg"),
        "it": ("operazioni", "interventi chirurg"),
        "pt": ("cirurgias", "operacoes"),
        "en": ("operations", "surgeries"),
        "nl": ("operaties", "ingrepen"),
    },
    # people saved from the sea, a river or a mountain: 'four rescued', 'quatro pessoas foram resgatadas'
    # people held: 'six otages', 'fünf Menschen in seiner Gewalt', 'hield zes mensen vast', 'seis rehenes'
    "hostages": {
        "fr": ("otage",),
        "de": ("geiseln", "in seiner gewalt", "in ihrer gewalt"),
        "es": ("rehen",),
        "it": ("ostagg",),
        "pt": ("refen",),
        "en": ("hostage",),
        "nl": ("gijzelaar", "gegijzeld", "vast "),
    },
    "rescued": {
        "fr": ("secouru", "sauve", "repeche", "sauvetage"),
        "de": ("gerettet", "rettete", "wasser gezogen"),
        "es": ("rescatad", "salvad", "rescate"),
        "it": ("salvat", "tratti in salvo", "soccors"),
        "pt": ("resgatad", "salvad", "socorrid"),
        "en": ("rescued", "saved", "pulled alive", "pulled from the"),
        "nl": ("gered", "redde"),
    },
    # customers or users of a service: a data breach's, an outage's ('4,2 millones de clientes', '4.2 million users')
    "customers": {
        "fr": ("clients", "abonnes", "utilisateurs"),
        "de": ("kunden", "nutzer", "abonnenten"),
        "es": ("clientes", "usuarios", "abonados"),
        "it": ("clienti", "utenti", "abbonati"),
        "pt": ("clientes", "utilizadores", "usuarios", "assinantes"),
        "en": ("customers", "users", "subscribers", "account holders"),
        "nl": ("klanten", "gebruikers", "abonnees"),
    },
    # shipping containers a ship lost or a port handled: 'a perdu 46 conteneurs', '52 containers overboard'
    "containers": {
        "fr": ("conteneurs",),
        "de": ("container",),
        "es": ("contenedores",),
        "it": ("container",),
        "pt": ("contentores", "conteineres"),
        "en": ("containers",),
        "nl": ("containers",),
    },
    "temperature": {
        "*": ("grad ", "grados", "graus", "graden", "degres", "degrees", "gradi"),
    },
    "jobs": {
        "fr": ("emploi", "postes", "licenciement", "suppressions de postes"),
        "de": ("stellen", "arbeitsplatz", "arbeitsplatze", "jobs"),
        "es": ("empleo", "puestos de trabajo", "despido"),
        "it": ("posti di lavoro", "esuber", "licenziament"),
        "pt": ("emprego", "postos de trabalho", "despedimento"),
        "en": ("jobs", "job cuts", "positions", "layoffs"),
        "nl": ("banen", "arbeidsplaatsen", "ontslagen"),
    },
    # workers a company sends home for a while, paid in part by the state: not jobs cut
    "furloughed": {
        "fr": ("chomage partiel", "activite partielle", "chomage technique"),
        "de": ("kurzarbeit",),
        "es": ("erte ", "expediente de regulacion temporal"),
        "it": ("cassa integrazione", "cassintegrat"),
        "pt": ("lay-off", "layoff"),
        "en": ("furlough", "temporarily lay", "temporarily laid", "short-time work"),
        "nl": ("tijdelijk werkloos", "tijdelijke werkloosheid", "technisch werkloos"),
    },
}
# Events one story can hold together: arrests at a protest, a fire after an explosion, floods in a storm.
# Any other two (a verdict and an arrest, quotas and talks, a strike and a fire) are two stories.
COMPATIBLE = {
    frozenset(pair)
    for pair in (
        ("arrest", "protest"),
        ("arrest", "attack"),
        ("protest", "strike"),
        ("explosion", "fire"),
        ("explosion", "attack"),
        ("accident", "fire"),
        ("accident", "explosion"),
        ("accident", "storm"),
        ("accident", "flood"),
        ("accident", "landslide"),  # a rockfall in a mine, a mudslide onto a road
        ("strike", "talks"),
        ("protest", "talks"),
        ("flood", "storm"),
        ("flood", "landslide"),
        ("landslide", "storm"),
        *(
            ("collapse", event)
            # 'hundimiento' is a ship's sinking and a mine's collapse alike
            for event in ("earthquake", "explosion", "fire", "storm", "flood", "landslide", "accident", "shipwreck")
        ),
        *(("shipwreck", event) for event in ("storm", "accident", "explosion", "fire")),
        *(("leak", event) for event in ("explosion", "fire", "accident", "collapse", "shipwreck")),
        *(("job cuts", event) for event in ("results", "strike", "protest", "talks", "takeover")),
        ("results", "takeover"),
        ("results", "order"),
        ("results", "strike"),
        ("takeover", "talks"),
    )
}
# An event word, up to three more words, a locative preposition, a capitalised name: "arrestato a Marbella";
# the name may follow a word for a town: "en la localidad algarvía de Lagos", "in the town of Lagos".
_SETTLEMENT = (
    "localidad|ciudad|pueblo|municipio|localidade|cidade|vila|concelho|ville|commune|village|town|city|"
    "citta|città|comune|paese|stadt|gemeinde|ort|stad|gemeente|dorp|plaats|"
    # a port or a resort is named by its town: 'in the southern port town of Algeciras', 'el puerto de Algeciras',
    # 'en el balneario de Eforie Nord', 'la station balnéaire de Mamaia', 'im Badeort Mamaia'
    "port|porto|puerto|hafen|haven|resort|balneario|station|stazione balneare|località|localita|estância|"
    "estancia|badeort|urlaubsort|kurort|skiort|badplaats"
)
# A town's name of up to four words: 'Marbella', 'Quintanilla de Yuso', 'Vila Nova de Milfontes'.
_NAME = r"[A-ZÀ-Ý][\w'’-]+(?:[ -](?:(?:de|del|la|di|do|da|dos|des|du|sur|am|an)\s)?[A-ZÀ-Ý][\w'’-]+){0,3}"
_TOWN_WORD = (  # 'the French city of Lyon', 'the southern port town of': adjectives may come before the word for town
    rf"(?:(?:la|le|l'|el|the|a|o|der|die|den|het|il|lo|de)\s+)?(?:[A-ZÀ-Ý][\w'’-]+\s+|[a-zà-ÿ][\w'’-]+\s+){{0,2}}?(?:{_SETTLEMENT})(?:\s+[a-zà-ÿ][\w'’-]*)?\s+(?:de|di|of|da|do|d')?\s*"
)
# A preposition that holds an article ('im Ötztal', 'nel Tirolo', 'au Tyrol', 'na Madeira') opens a region, a
# country or an island, not a town, unless a word for town follows it ('nella città di Bari'). French and
# Italian tell a town from a region by the preposition too: 'à Reggio', 'a Reggio' against 'en Calabre',
# 'in Calabria'.
# Spanish and Portuguese 'a' is 'to' or 'the' ('informou a Proteção Civil'): their towns are 'en' and 'em' ones.
_TOWN_PREPOSITIONS = {
    "fr": "à|a",
    "it": "a|ad",
    "es": "en",
    "pt": "em",
    "de": "in|bei|nahe",
    "nl": "in|te|bij|nabij",
    "en": "in|near",
    "*": "en|à|a|ad|in|em|bei|near|nahe",
}


@lru_cache(maxsize=16)
def town_after_preposition(lang: str) -> re.Pattern[str]:
    """A preposition for a town and the town: 'à Quintanilla de Yuso', 'en Truchas', 'in Rotterdam', 'in the
    village of Voorthuizen'."""
    towns = _TOWN_PREPOSITIONS.get(lang, _TOWN_PREPOSITIONS["*"])
    return re.compile(rf"(?<![\w'’])(?i:{towns})\s+(?:{_TOWN_WORD})?(?P<place>{_NAME})")  # 'In Ludwigshafen sind'


# A town after an adjective of its country or region, as German and Dutch write it: the preposition holds an
# article, yet a town follows ('im südspanischen Algeciras', 'in het Zuid-Spaanse Algeciras'); a region may
# too ('im italienischen Aostatal'), so what follows is a place only when a gazetteer knows it as a town.
_DESCRIBED_TOWN = {"de": r"[Ii]m\s+[a-zäöüß-]+ischen", "nl": r"[Ii]n\s+het\s+[A-Z][\w-]+se"}


@lru_cache(maxsize=16)
def town_after_adjective(lang: str) -> re.Pattern[str] | None:
    """An adjective of a country or region and the town it describes: 'im belgischen Gent', 'in het Spaanse
    Marbella'; None in a language that writes no such phrase."""
    described = _DESCRIBED_TOWN.get(lang)
    return re.compile(rf"(?<![\w'’]){described}\s+(?P<place>{_NAME})") if described else None


# Prepositions for the place near which something happened ('près de Kuchl', 'bei Golling', 'vicino a Golling').
# They also open approximate figures ('près de 40') and common nouns ('bei Bauarbeiten'): what follows is a
# place only when a gazetteer knows it as a town (see disagree.py).
_NEAR = {
    "fr": r"pr[eè]s\s+d(?:e\s+|['’])|aux\s+abords\s+d(?:e\s+|['’])",
    "it": r"vicino\s+a|nei\s+pressi\s+di|presso",
    "es": r"cerca\s+de|junto\s+a|en\s+las\s+inmediaciones\s+de",
    "pt": r"perto\s+de|junto\s+a|nas\s+imediações\s+de",
    "de": r"nahe\s+bei|bei|nahe|unweit\s+von",
    "nl": r"in\s+de\s+buurt\s+van|nabij|vlakbij|bij",
    "en": r"near|outside",
}


@lru_cache(maxsize=16)
def town_near(lang: str) -> re.Pattern[str]:
    """A preposition for a place near which something happened, and the place: 'près de Kuchl', 'bei Golling'."""
    near = _NEAR.get(lang, "|".join(_NEAR.values()))
    return re.compile(rf"(?<![\w'’])(?i:{near})\s*(?P<place>{_NAME})")  # 'Bei Bologna' opening a sentence


@lru_cache(maxsize=16)
def place_after(lang: str) -> re.Pattern[str]:
    """An event word, up to three more words, a preposition for a town, and the town's capitalised name."""
    towns = _TOWN_PREPOSITIONS.get(lang, _TOWN_PREPOSITIONS["*"])
    return re.compile(
        r"[\w'’-]*(?:\s+[a-zà-ÿ][\w'’-]*){0,3}?\s+"
        rf"(?:(?:{towns})\s+(?:{_TOWN_WORD})?|(?:im|au|na|no|nel|nella|en|in|dans)\s+{_TOWN_WORD})"
        rf"(?P<place>{_NAME})"
        r"(?!\s+[a-zà-ÿ][\w-]*(?:dorp|dorf|stad|stadt))"  # 'in Oostenrijks wintersportdorp': an adjective
    )


_EPICENTRE = re.compile(r"(?<![^\W_])(?:epicent|epizent)")  # 'epicentro en Baza', 'Epizentrum bei Baza'
_LEAST = 3  # a headline mention, or a lead mention and one more, or three in the body
# Words that make the event word after them one the wire looks back on: "arrêté au lendemain de sa
# condamnation", "einen Tag nach seiner Verurteilung", "arrested a day after his conviction".
_RECALL_WORDS = "apres|lendemain|suite a|nach|after|following|tras|despues|dopo|indomani|apos|depois|sinds"
# Dutch "na" ("na zijn veroordeling"): only in Dutch, where Portuguese "na" means "in the"; English "amid"
# opens what else goes on ("Airline cuts 300 jobs amid pilots' strike").
_RECALLED = {
    lang: re.compile(rf"(?<![^\W_])(?:{words})(?:\s+[\w'’-]+){{0,3}}\s*$")
    for lang, words in (("nl", _RECALL_WORDS + "|na"), ("en", _RECALL_WORDS + "|amid"), ("*", _RECALL_WORDS))
}
# Articles that open a noun phrase: an event word after one, and after an earlier event word, describes that
# phrase's person or thing ("Detenido en Marbella un fugitivo ... condenado ayer", "négocier un partage des
# quotas"), it is not what the headline says happened.
_ARTICLES = {
    "fr": "un|une|le|la|les|l'",
    "es": "un|una|unos|unas|el|la|los|las",
    "it": "un|uno|una|un'|il|lo|la|l'|i|gli|le",
    "pt": "um|uma|uns|umas|o|os",
    "de": "ein|eine|einen|einem|eines|einer|der|die|das|den|dem|des",
    "nl": "een|de|het",
    "en": "a|an|the",
}
# ...but not an article after a locative preposition: "gefasst in den Niederlanden" names a place.
_WHERE = "".join(
    f"(?<!(?<!\\w){word} )"
    for word in [
        "in",
        "im",
        "en",
        "a",
        "à",
        "au",
        "aux",
        "dans",
        "em",
        "no",
        "na",
        "nos",
        "nas",
        "nel",
        "nella",
        "nei",
        "bei",
        "op",
        "at",
        "on",
        "auf",
    ]
)
# Stems that name people by an event (firefighters, strikers): a headline's subject, not what happened.
_AGENTS = frozenset(
    {"pompier", "bombero", "bombeiro", "firefight", "brandweer", "vigili del fuoco"}
    | {"grevist", "huelguist", "scioperant", "stakers"}
)
# A headline's topic label ('Farmaci falsi: ...', 'Calor: ...', 'Belgique: ...'), and its first word after it.
_LABEL = re.compile(r"[^:,]{1,30}:\s+")
_OPENING_WORD = re.compile(r"\W*(?:\w+\W+)?")
# Past participles' endings, as written ('condamné', 'condannato', 'condenado', 'convicted', 'verurteilt').
_PARTICIPLE = {
    lang: re.compile(rf"(?:{endings})$")
    for lang, endings in (
        ("fr", "é|ée|és|ées"),
        ("it", "ato|ata|ati|ate|uto|uta|uti|ito|ita|iti"),
        ("es", "ado|ada|ados|adas|ido|ida|idos|idas"),
        ("pt", "ado|ada|ados|adas|ido|ida|idos|idas"),
        ("en", "ed|en"),
        ("de", "t"),
        ("nl", "d|t"),
    )
}
_HEADLINE_NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*")
_JOB_ROLES = frozenset({"jobs", "furloughed"})
_TERM_ROLES = frozenset({"prison term"})
# Years after a figure: a prison term's unit ('14 ans de prison'), not 'ferme 140 magasins'.
_YEARS_AFTER = re.compile(r"\s*(?:ans|jahre|jahren|años|anos|anni|years|jaar)\b", re.IGNORECASE)
# Languages whose headlines may open on their verb, a participle, with the subject after it and no comma:
# 'Detido na Póvoa de Varzim armador espanhol condenado por fraude', 'Arrestato a Lione latitante condannato'.
_VERB_FIRST = {
    lang: re.compile(rf"\w*\s+(?:{prepositions})\s")
    for lang, prepositions in (("es", "en"), ("pt", "em|no|na|nos|nas"), ("it", "a|ad|in|nel|nella|nei"))
}
_FIRST_SENTENCE = re.compile(r"(?<=[^A-Z ][.!?])\s+(?=[A-ZÀ-Ý\"«„“])")


@lru_cache(maxsize=64)
def _pattern(lexicon_name: str, lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every stem of `lang` (and the shared ones) in a lexicon, and each stem's class."""
    lexicons = {"events": EVENTS, "sectors": SECTORS, "roles": ROLES, "anniversary": ANNIVERSARY, "update": UPDATE}
    lexicon = lexicons[lexicon_name]
    stem_class: dict[str, str] = {}
    for name, by_lang in lexicon.items():
        for stem in (*by_lang.get(lang, by_lang.get("en", ())), *by_lang.get("*", ())):
            stem_class.setdefault(stem, name)
    # a stem written with a space after it is a whole word ("ter ", the French regional trains, not "terre")
    alternatives = "|".join(
        re.escape(stem.rstrip()) + (r"(?!\w)" if stem.endswith(" ") else "")
        for stem in sorted(stem_class, key=len, reverse=True)
    )
    inside = "" if lang == "de" else r"(?<![^\W_])"  # German compounds: a stem may start inside a word
    return re.compile(rf"{inside}(?:{alternatives})"), {stem.rstrip(): name for stem, name in stem_class.items()}


def is_event_word(word: str, lang: str) -> bool:
    """Whether a word is an event word, inflected at most ('Brand' in 'Zwei Tote bei Brand', though a village
    is so called; not 'Brandenburg')."""
    pattern, _ = _pattern("events", lang)
    folded = fold(word)
    found = pattern.match(folded)
    return found is not None and len(found.group(0)) >= _WHOLE_WORD * len(folded)


_WHOLE_WORD = 0.7  # 'streik' of 'Streiks', not 'brand' of 'Brandenburg'


def classes(text: str, lang: str, lexicon: str = "events") -> Counter[str]:
    """How often each class of `lexicon` is named in `text` (stems at a word's start; German anywhere in it)."""
    pattern, stem_class = _pattern(lexicon, lang)
    return Counter(stem_class[match.group(0)] for match in pattern.finditer(fold(text)))


def profile(headline: str, paragraphs: tuple[str, ...], lang: str, lexicon: str = "events") -> Counter[str]:
    """The classes a wire names, its headline counting three times and its first paragraph twice."""
    counts: Counter[str] = Counter()
    for weight, text in ((3, headline), (2, paragraphs[0] if paragraphs else ""), (1, "\n".join(paragraphs[1:]))):
        for name, count in classes(text, lang, lexicon).items():
            counts[name] += weight * count
    return counts


def dominant(counts: Counter[str], margin: float = 1.5) -> str | None:
    """The class named clearly most (at least `margin` times the next, and in the headline or lead or thrice
    elsewhere), or None when none stands out: a fire recalled in passing does not make a wire a fire story."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _LEAST:
        return None
    if len(ranked) == 2 and ranked[0][1] < margin * ranked[1][1]:
        return None
    return ranked[0][0]


def wire_event(headline: str, paragraphs: tuple[str, ...], lang: str) -> str | None:
    """What a wire reports: the event its headline names, else its lead sentence's, else the one it names most.

    A wire is about what its headline and first sentence say happened; the rest recalls what led to it. An
    arrest wire names the verdict in every other sentence ("condamné mardi", "the leader got 15 years"), and
    may name it as often as the arrest, but its headline says "arrested". Of several events one headline
    names, those after "after"/"nach"/"au lendemain de" are recalled, and of the rest the predicate's is the
    news (see _reported).
    """
    lead = _FIRST_SENTENCE.split(paragraphs[0], maxsplit=1)[0] if paragraphs else ""
    named = _reported(headline, lang) or ("job cuts" if _counts_jobs(headline, lang) else None)
    if named not in ("verdict", "arrest") and _counts_role(headline, lang, _TERM_ROLES, _YEARS_AFTER):
        named = "verdict"  # 'Attaque du marché de Noël de Duisbourg: 14 ans de prison': the attack is its subject
    return named or _reported(lead, lang, predicate=False) or dominant(profile(headline, paragraphs, lang))


def _counts_jobs(headline: str, lang: str) -> bool:
    """Whether a headline gives a number of jobs or furloughed workers: 'Nordwerft streicht 640 Stellen', 'to
    cut 640 jobs' say what happened with no event word."""
    return _counts_role(headline, lang, _JOB_ROLES)


def _counts_role(headline: str, lang: str, roles: frozenset[str], unit: re.Pattern[str] | None = None) -> bool:
    """Whether a headline gives a figure of one of `roles` (in `unit`, where one is given)."""
    return any(
        role_near(headline[: number.start()], headline[number.end() :], lang) in roles
        and (unit is None or unit.match(headline, number.end()))
        for number in _HEADLINE_NUMBER.finditer(headline)
    )


def _reported(text: str, lang: str, predicate: bool = True) -> str | None:
    """The event `text` says happened: of the events it does not name as past ('au lendemain de sa
    condamnation'), its predicate's.

    A headline describes its subject by what happened before (`un Portugais condamné par défaut arrêté aux
    Pays-Bas`, `Condenado em fuga ... detido nos Países Baixos`, `Convicted fraudster arrested in Spain`):
    the news is the predicate, the last event word. Unless that word sits in a noun phrase opened after an
    earlier event word (`arrestation d'un mafieux calabrais en fuite, condamné la veille`, `Detenido en
    Marbella un fugitivo condenado ayer`): it then describes the earlier word's subject or object, and the
    earlier word is the news. A lead sentence (`predicate` False) says more than one clause: its first event
    is the news.
    """
    pattern, stem_class = _pattern("events", lang)
    recalled = _RECALLED.get(lang, _RECALLED["*"])
    folded = fold(text)
    named = [m for m in pattern.finditer(folded) if not recalled.search(folded[: m.start()])]
    if not named:
        return None
    articles = re.compile(rf"(?<!\w){_WHERE}(?:{_ARTICLES.get(lang, _ARTICLES['en'])})(?:(?<=')|\s)")
    if not predicate:
        return stem_class[named[0].group(0)]
    named = [m for m in named if m.group(0) not in _AGENTS] or named  # "firefighter dies": a person, no event
    # "Condamné par défaut à Anvers, un diamantaire arrêté": a phrase opening on an event word, up to a comma
    # followed by the subject, describes that subject; so does one opening on a participle ("Condannato a
    # Bordeaux per la truffa, arrestato a Zara"), but not a noun followed by a participle ("Arrestation d'un
    # mafieux, condamné la veille"); with no event after the comma, the lead sentence says what happened
    label = _LABEL.match(folded)  # 'Farmaci falsi: condannato a 9 anni, preso in Portogallo il latitante'
    opening = _OPENING_WORD.match(folded, label.end() if label else 0)
    comma = folded.find(",", opening.end() if opening else 0)
    opens = opening is not None and named[0].start() <= opening.end()  # the headline opens on an event word
    participle = _participle(text, named[0], lang)
    if comma > 0 and opens and folded[comma + 1 :].strip():
        after = [m for m in named if m.start() > comma]
        if not after:
            return None
        if folded[comma : after[0].start()].strip(" ,") or participle:
            named = after
    elif comma < 0 and opens and participle and lang in _VERB_FIRST and len(named) > 1:
        # 'Detido na Póvoa de Varzim armador condenado por fraude': the opening participle says where, the later
        # one only describes the subject; 'Condenado no Porto ... detido no Luxemburgo': both say where
        placed = [_VERB_FIRST[lang].match(folded, m.end()) is not None for m in (named[0], named[-1])]
        if placed == [True, False]:
            return stem_class[named[0].group(0)]
    # in English, a participle after a later noun describes it, and a verb in the present before it is the news
    if (
        lang == "en"
        and len(named) > 1
        and _participle(text, named[-1], lang)
        and not _participle(text, named[-2], lang)
    ):
        return stem_class[named[-2].group(0)]  # 'Police arrest Frenchman convicted over fake pens'
    news = named[-1]
    while len(named) > 1 and articles.search(folded, named[-2].end(), news.start()):
        named.pop()
        news = named[-1]
    return stem_class[news.group(0)]


def _participle(text: str, match: re.Match[str], lang: str) -> bool:
    """Whether the word an event stem opens is a past participle ('condannato', 'detido', 'convicted')."""
    word = re.match(r"\w+", text[match.start() :])
    return word is not None and _PARTICIPLE.get(lang, _PARTICIPLE["en"]).search(word.group(0).lower()) is not None


def looks_back(headline: str, lang: str) -> bool:
    """Whether a headline marks its wire as an anniversary or commemoration piece.

    Not when the look back closes a headline of news, after a comma: 'deux morts dans une explosion de gaz
    en Calabre, dix ans après un drame similaire' is news of a new explosion.
    """
    head, comma, _ = headline.rpartition(",")
    news = classes(head, lang) or says_role(head, lang, "deaths")  # 'Crash ... : trois morts, dix ans après ...'
    if comma and news and not recalls(head, lang):
        return False
    return recalls(headline, lang)


def recalls(text: str, lang: str) -> bool:
    """Whether `text` looks back at an event years ago: 'il y a dix ans', 'the 10th anniversary of'."""
    return bool(classes(text, lang, "anniversary")) or bool(_YEARS_AGO.search(fold(text)))


def says_update(headline: str, lang: str) -> bool:
    """Whether a headline announces a changed figure ("Sube a tres el número de muertos")."""
    return bool(classes(headline, lang, "update"))


def event_places(text: str, lang: str, event: str | None = None) -> list[str]:
    """Places named right after an event word: 'detenido en Marbella', 'arrêté jeudi à Estepona' -> the town.

    Given the wire's `event`, only that event's words count: an arrest wire's 'condannato a Gand' says where
    the verdict it recalls was given, not where the arrest happened.
    """
    pattern, stem_class = _pattern("events", lang)
    folded = _fold_in_place(text)
    found = []
    words = [m for m in pattern.finditer(folded) if event is None or stem_class[m.group(0)] == event]
    for match in (*words, *_EPICENTRE.finditer(folded)):
        place = place_after(lang).match(text, match.end())
        if place:
            found.append(place.group("place"))
    return found


# 'a week after a stronger quake near Mount Etna', 'tre giorni dopo la frana di Letojanni': a clause on an earlier
# event, up to the clause's end
_EARLIER = re.compile(
    r"(?<!\w)(?:weeks?|days|months?|semaines?|jours|mois|wochen?|tagen?|monate?n?|semanas?|dias|mes|meses|"
    r"settiman[ae]|giorni|mesi?|weken|dagen|maanden?)\s+(?:after|apres|nach|despues|depois|dopo|dal|dalla|del|since|"
    r"seit|depuis|na|sinds)(?!\w)[^,.;:]*"
)


def without_earlier(text: str) -> str:
    """`text` with clauses on an earlier event blanked out, positions kept: where that event happened is not
    where the wire's did."""
    folded = _fold_in_place(text)
    for match in _EARLIER.finditer(folded):
        text = text[: match.start()] + " " * len(match.group(0)) + text[match.end() :]
    return text


def _fold_in_place(text: str) -> str:
    """`text` folded a character at a time, so that a match in it has its positions in `text`."""
    return "".join(fold(character)[:1] or character for character in text)


def compatible(names: set[str]) -> bool:
    """Whether one story can hold every event of `names` (see COMPATIBLE)."""
    return all(frozenset((a, b)) in COMPATIBLE for a in names for b in names if a != b)


def says_role(text: str, lang: str, role: str) -> bool:
    """Whether `text` has a word of `role` ('killed', 'murieron', 'gestorben' for deaths)."""
    pattern, stem_class = _pattern("roles", lang)
    return any(stem_class[match.group(0)] == role for match in pattern.finditer(fold(text)))


def role_near(before: str, after: str, lang: str) -> str | None:
    """The role the words next to a figure give it, nearest first: the word after it ('12 morts'), the word
    before it ('magnitude 4,4 earthquake'), four words after ('onze ont été blessées', '14 Menschen kamen ums
    Leben'), three words before ('toll rose to 4'; 'gusts of up to 152': 'up to' and the like left out), and
    the participle after an auxiliary within ten words after ('340 habitants de cinq villages ont été
    évacués'), or, in German and Dutch, up to the clause's end ('Drei Urlauber sind an einem Strand an der
    Algarve von Felsbrocken verletzt worden'), where a clause opening on its auxiliary has its participle too."""
    pattern, stem_class = _pattern("roles", lang)
    words_after, words_before = after.split(), before.split()
    while words_before and fold(words_before[-1]) in _APPROXIMATELY:
        words_before.pop()
    reach = len(words_after) if lang in _VERB_LAST else _PARTICIPLE_REACH
    passive = _PASSIVE.search(fold(" ".join(words_after[:reach])))
    for text, take_last in (
        (" ".join(words_after[:1]), False),
        (" ".join(words_before[-1:]), True),
        (" ".join(words_after[:4]), False),
        (" ".join(words_before[-3:]), True),
        (passive.group(1) if passive else "", False),
    ):
        matches = list(pattern.finditer(fold(text)))
        if matches:
            return stem_class[matches[-1 if take_last else 0].group(0)]
    if lang in _VERB_LAST:  # 'Am Sonntag sind 14 Bergsteiger im Karwendel ... verletzt worden': the clause's verb
        last = list(pattern.finditer(fold(" ".join(words_after[-_CLAUSE_END:]))))
        return stem_class[last[-1].group(0)] if last else None
    return None


# Words between a role and its figure that only say the figure is approximate or a maximum: 'gusts of up to
# 152', 'rachas de hasta 148', 'Böen bis zu 150'.
_APPROXIMATELY = frozenset(
    {"of", "up", "to", "about", "around", "some", "de", "d'", "hasta", "jusqu'a", "bis", "zu", "fino", "a", "ate"}
    | {"tot", "van", "environ", "quelque", "rund", "etwa", "circa", "unos", "unas", "cerca", "oltre", "ruim"}
)
_PARTICIPLE_REACH = 10
_CLAUSE_END = 3  # the words that end a German or Dutch clause, where its participle is
_VERB_LAST = frozenset({"de", "nl"})  # a subordinate or perfect clause's participle comes at its end
# An auxiliary and what follows it, where its participle is: 'ont été évacués', 'wurden nach Angaben der
# Polizei verletzt', 'were injured'.
_PASSIVE = re.compile(
    r"(?<!\w)(?:ont ete|ont|sont|wurden|wurde|sind|ist|were|have been|had been|fueron|han sido|resultaron|foram|"
    r"ficaram|sono stat[ie]|sono rimast[ie]|zijn|werden|raakten)\s+(.*)"
)

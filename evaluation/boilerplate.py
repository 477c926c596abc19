"""Does a draft quote help-centre boilerplate? An evaluation check kept apart from the
ingest's own removal (rag/ingest), so it can catch what the ingest misses.

Shapes in the twelve reply languages: feedback widgets, copyright and legal footers,
"need more help / contact us" footers, related-article lists, cookie notices, breadcrumbs.
"""

from __future__ import annotations

import re

_SHAPES = [
    # feedback widgets
    r"was this (article|page|answer) (helpful|useful)",
    r"did this (article|page|answer) help",
    r"var (den här|denna) (artikel|sida)n? (till )?hjälp",
    r"hjalp (den här|denna) artikel",
    r"war (dieser|der) artikel hilfreich",
    r"cet article (vous )?a-t-il été utile",
    r"¿?(te|le) (ha )?(sido|resultó|fue) útil (este|el) artículo",
    r"¿?fue útil este artículo",
    r"was dit artikel nuttig",
    r"heeft dit artikel (je|u) geholpen",
    r"questo articolo (ti )?è stato utile",
    r"var denne artikel (til )?hjælp",
    r"hjalp denne artikel",
    r"var denne artikkelen (til )?hjelp",
    r"oliko (tästä )?artikkeli(sta)? (hyötyä|avuksi)",
    r"czy ten artykuł (był )?(pomocny|ci pomógł)",
    r"este artigo (foi )?(útil|ajudou)",
    r"\b(yes|ja|oui|sí|si|sim|tak|kyllä)\s*/\s*(no|nej|nein|non|nee|nei|ei|não|nie)\W*$",
    # copyright and legal footers
    r"©|\(c\) ?20\d\d|copyright 20\d\d",
    r"all rights reserved|alle rechte vorbehalten|alla rättigheter förbehållna|"
    r"tous droits réservés|todos los derechos reservados|alle rechten voorbehouden|"
    r"tutti i diritti riservati|alle rettigheder forbeholdes|alle rettigheter reservert|"
    r"kaikki oikeudet pidätetään|wszelkie prawa zastrzeżone|todos os direitos reservados",
    r"(privacy|integritet|datenschutz|confidentialité|privacidad|privacy|personvern|"
    r"tietosuoja|prywatności|privacidade)[^|\n]{0,20}\|[^|\n]{0,20}"
    r"(terms|villkor|agb|nutzungsbedingungen|conditions|términos|voorwaarden|termini|"
    r"vilkår|ehdot|regulamin|termos)",
    # "need more help? contact us" footers and related-article lists
    r"need (more|further) help\??",
    r"still need help\??",
    r"behöver du mer hjälp|brauchen sie (weitere|mehr) hilfe|besoin (de plus )?d'aide \?",
    r"related articles|relaterade artiklar|verwandte artikel|ähnliche artikel|"
    r"articles (similaires|associés)|artículos relacionados|gerelateerde artikelen|"
    r"articoli correlati|relaterede artikler|relaterte artikler|aiheeseen liittyvät artikkelit|"
    r"powiązane artykuły|artigos relacionados",
    # cookie notices and breadcrumbs
    r"(we|this site) uses? cookies|accept (all )?cookies|cookie settings|"
    r"vi använder cookies|wir verwenden cookies|nous utilisons des cookies|"
    r"utilizamos cookies|wij gebruiken cookies|utilizziamo (i )?cookie",
    r"^\W*(home|start|hem|startseite|accueil|inicio|início|etusivu|strona główna|forside)"
    r"\s*[>›»/]\s*\w+",
]
_PATTERN = re.compile("|".join(f"(?:{shape})" for shape in _SHAPES), re.IGNORECASE | re.MULTILINE)


def boilerplate_in(text: str) -> list[str]:
    """The boilerplate phrases found in ``text`` (empty when none)."""
    return [match.group(0) for match in _PATTERN.finditer(text)]


def quotes_boilerplate(draft: str) -> bool:
    return bool(boilerplate_in(draft))

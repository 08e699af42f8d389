"""Build ``local_models/imagenet_hierarchy.json``: ImageNet-1k class names plus the WordNet 3.0
hypernyms that give Google-like general labels ("Egyptian cat" -> "Cat", "Mammal").

Maintainers only. Reproduce with::

    apt-get install wordnet-base          # WordNet 3.0 data files (Princeton licence)
    pip download --no-deps timm==1.0.31   # for timm/data/_info/imagenet_synsets.txt
    python local_models/export/imagenet_hierarchy.py path/to/imagenet_synsets.txt

ImageNet synset ids (``n02124075``) are WordNet 3.0 noun offsets, so every class has a
hypernym chain in ``data.noun``. Chains are cut at a stop list of abstract nodes that no
person would call a label ("Physical entity", "Whole", "Placental").

Each class lists its general labels as ``[index, steps]``: ``steps`` counts the labels on
the longest hypernym path up to it, itself included (stop-listed nodes count 0). Scoring
uses it to rank a specific label above its broader terms, as Google does.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA_NOUN = Path("/usr/share/wordnet/data.noun")
OUT = Path(__file__).resolve().parents[1] / "imagenet_hierarchy.json"

# Abstract or zoological-jargon synsets that would read oddly as labels.
STOP = {
    "entity", "physical entity", "abstraction", "object", "whole", "living thing",
    "organism", "artifact", "instrumentality", "matter", "substance", "causal agent",
    "placental", "chordate", "vertebrate", "craniate", "metazoan", "invertebrate",
    "unit", "part", "relation", "attribute", "group", "psychological feature", "thing",
    "measure", "communication", "container", "device", "structure", "covering",
    "commodity", "implement", "equipment", "system", "material", "solid", "fluid",
    "foodstuff", "nutriment", "food", "ware", "creation", "product", "geological formation",
    "natural object", "plant part", "plant organ", "reproductive structure", "fruit",
    "vascular plant", "diapsid", "aquatic vertebrate", "arthropod", "mollusk",
    "gastropod", "arachnid", "domestic animal", "working dog", "hunting dog",
    "toy dog", "hound", "terrier", "sporting dog", "gun dog", "fissiped mammal",
    "even-toed ungulate", "odd-toed ungulate", "ungulate", "hoofed mammal", "primate",
    "anthropoid", "anthropoid ape", "great ape", "aquatic mammal", "marine mammal",
    "passerine", "oscine", "wading bird", "aquatic bird", "seabird", "game bird",
    "bird of prey", "protective covering", "conveyance", "craft", "wheeled vehicle",
    "self-propelled vehicle", "motor vehicle", "mechanism", "mechanical device",
    "electronic equipment", "electrical device", "restraint", "support", "surface",
    "sheet", "area", "line", "way", "location", "region", "point", "opening", "article",
    "consumer goods", "durables", "furnishing", "clothing", "garment", "overgarment",
    "headdress", "footwear", "decoration", "art", "instrument", "tool", "utensil",
    "vessel", "receptacle", "box", "bag", "case", "shape", "form", "sign", "signal",
    "establishment", "place of business", "mercantile establishment", "building",
    "facility", "room", "protective garment", "cloth covering", "top", "piece of cloth",
}


# Google's words for a few WordNet synsets, so that a cat photo's first label is "Cat".
GOOGLE_NAMES = {
    "02121808": "Cat",  # domestic cat, house cat
    "02121620": "Small to medium-sized cats",  # cat, true cat (domestic cats and wildcats)
    "02120997": "Felidae",  # feline, felid
    "02083346": "Canidae",  # canine, canid
    "07881800": "Drink",  # beverage, drink, drinkable, potable
}


def read_wordnet(path: Path) -> dict[str, tuple[str, list[str]]]:
    """offset -> (first lemma, hypernym offsets) for every noun synset."""
    synsets = {}
    for line in path.read_text("latin-1").splitlines():
        if line.startswith(" "):
            continue  # licence header
        fields = line.split(" ")
        offset, count = fields[0], int(fields[3], 16)
        lemma = fields[4].replace("_", " ")
        rest = fields[4 + 2 * count:]
        pointers = int(rest[0])
        hypernyms = [rest[1 + 4 * i + 1] for i in range(pointers)
                     if rest[1 + 4 * i] in ("@", "@i")]
        synsets[offset] = (lemma, hypernyms)
    return synsets


def steps_up(offset: str, synsets) -> dict[str, int]:
    """Each kept ancestor -> the most kept synsets on a path up to it (itself included).

    The longest path, because WordNet has shortcuts ("Domestic cat" is also a "Domestic
    animal", one hop below "Animal"), and a stop-listed synset costs 0: "Mammal" is one
    step above "Carnivore" though "Placental" lies between them.
    """
    best: dict[str, int] = {}
    todo = [(node, 0) for node in synsets[offset][1]]
    while todo:
        node, steps = todo.pop()
        steps += not stopped(node, synsets)
        if best.get(node, -1) < steps:  # a longer path: walk on from here again
            best[node] = steps
            todo.extend((up, steps) for up in synsets[node][1])
    return {node: steps for node, steps in best.items() if not stopped(node, synsets)}


def stopped(node: str, synsets) -> bool:
    return synsets[node][0].lower() in STOP


def title(lemma: str, offset: str = "") -> str:
    if offset in GOOGLE_NAMES:
        return GOOGLE_NAMES[offset]
    # Google capitalizes the first letter only ("Coffee cup", "Egyptian cat").
    lemma = lemma.split("(")[0].strip()
    return lemma[:1].upper() + lemma[1:]


def main(synsets_file: str) -> None:
    synsets = read_wordnet(DATA_NOUN)
    wnids = synsets_file and Path(synsets_file).read_text().split()
    assert len(wnids) == 1000, "expected the 1000 ImageNet-1k synsets in order"
    general: dict[str, int] = {}
    classes = []
    for wnid in wnids:
        lemma, _ = synsets[wnid[1:]]
        up = steps_up(wnid[1:], synsets)
        for node in sorted(up):
            general.setdefault(node, len(general))
        classes.append([wnid, title(lemma, wnid[1:]),
                        [[general[node], up[node]] for node in sorted(up)]])
    table = {
        "source": "ImageNet-1k synsets (timm 1.0.31) + WordNet 3.0 hypernyms "
                  "(Debian wordnet-base); WordNet licence: Princeton University",
        "classes": classes,
        "general": [["n" + node, title(synsets[node][0], node)] for node in general],
    }
    OUT.write_text(json.dumps(table, separators=(",", ":")) + "\n", "utf-8")
    print(f"{OUT}: {len(classes)} classes, {len(general)} general labels")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")

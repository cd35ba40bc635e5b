#!/usr/bin/env python3
"""Counts the people-read blocks of each label whose text is not English, by a stop-word guess
(script for CJK, Cyrillic, Arabic; the commonest function words for Latin-script languages).
A rough measure for the model card's language share; short blocks with no function word count
as unknown.

usage: label_languages.py model/corpus/labels.jsonl.gz
"""
import collections, json, re, sys

from labels_io import open_text

STOP = {
    "en": "the and to of a in is for you that our your with this are be on it we us by".split(),
    "de": "der die und das ist nicht sie ihr wir zu den mit ein eine für auf uns jetzt oder auch".split(),
    "fr": "le la les et des est pour vous nous une un du au ce qui pas sur votre notre".split(),
    "es": "el la los las y de que en por para una un es con su nuestro tu más".split(),
    "it": "il di che la per non una sono del della ci con gli le più".split(),
    "pl": "i w na nie się z do jest to że dla czy już przez".split(),
    "nl": "de het een en van is dat op te voor niet met je wij".split(),
    "pt": "o a os de que e do da em um uma para com não".split(),
}


def guess(text):
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", text):
        return "cjk"
    if re.search(r"[\u0400-\u04ff]", text):
        return "ru"
    if re.search(r"[\u0600-\u06ff]", text):
        return "ar"
    words = re.findall(r"\w+", text.lower())
    scores = {lang: sum(w in stop for w in words) for lang, stop in ((l, set(s)) for l, s in STOP.items())}
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else "?"


def main(path):
    seen = set()
    counts = collections.defaultdict(collections.Counter)
    for line in open_text(path):
        o = json.loads(line)
        key = (o["page"], o["text"])
        if key in seen:
            continue
        seen.add(key)
        counts[o["label"]][guess(o["text"])] += 1
    for label, c in counts.items():
        known = sum(v for k, v in c.items() if k != "?")
        other = sum(v for k, v in c.items() if k not in ("?", "en"))
        print(f"{label}: {sum(c.values())} blocks, language guessed for {known}, not English {other} "
              f"({other / max(1, known):.0%} of those guessed): {dict(c.most_common())}")


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Writes real-words-near-vocabulary.txt: correctly spelled English words that typo correction would otherwise read
as a vocabulary word one or two edits away ("shakes" as "snakes", "roots" as "robots", "spots" as "sports").

Run it again after adding theme synonyms or lexicon words:
    python3 src/GiftBot.Language/Text/real-words-near-vocabulary.py /usr/share/hunspell/en_US.dic

The dictionary is only consulted (Debian's hunspell-en-us); the list keeps just the words that collide with ours.
A word sharing its first five letters with the vocabulary word is left out: "astronomer", "photographer", "violinist"
are meant as "astronomy", "photography", "violins", so correcting them still helps.
"""
import csv
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
OUT = pathlib.Path(__file__).with_name("real-words-near-vocabulary.txt")


def allowed_typos(length):  # as EditDistance.AllowedTypos
    return 0 if length < 5 else 1 if length < 8 else 2


def distance(a, b, limit):
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def shared_start(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def vocabulary():
    words = set()
    with open(ROOT / "content/catalog/themes.csv", encoding="utf-8") as themes:
        for row in csv.DictReader(themes):
            for phrase in [row["theme"], *row["synonyms"].split("|")]:
                words.update(re.findall(r"[a-z]+", phrase.lower()))
    lexicon = (ROOT / "content/language/lexicon.json").read_text(encoding="utf-8").lower()
    for phrase in re.findall(r'"([^"]+)"', lexicon):
        words.update(re.findall(r"[a-z]+", phrase))
    return {w for w in words if len(w) >= 5}


def dictionary_words(path):
    words = set()
    lines = pathlib.Path(path).read_text(encoding="utf-8", errors="ignore").splitlines()[1:]
    for line in lines:
        stem, _, flags = line.partition("/")
        if not stem.isalpha() or not stem.islower():
            continue
        words.add(stem)
        if "S" in flags:
            words.add(stem + ("es" if stem.endswith(("s", "x", "sh", "ch")) else "s"))
        if "D" in flags:
            words.add(stem + ("d" if stem.endswith("e") else "ed"))
        if "G" in flags:
            words.add((stem[:-1] if stem.endswith("e") else stem) + "ing")
    return words


def main():
    known = vocabulary()
    near = set()
    for word in dictionary_words(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/en_US.dic"):
        limit = allowed_typos(len(word))
        if limit == 0 or word in known:
            continue
        for target in known:
            # Typo correction requires the first letter (PhraseIndex), and a longer word starting with the key is no typo.
            if target[0] != word[0] or word.startswith(target) or target.startswith(word):
                continue
            if shared_start(word, target) < 5 and distance(word, target, limit) <= limit:
                near.add(word)
                break
    OUT.write_text("\n".join(sorted(near)) + "\n", encoding="utf-8")
    print(f"{len(near)} words -> {OUT}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/check-readability.py SOURCE_ROOT
#
# Co-design mode is read by the young person, so its words aim at a reading
# age of 9. Every string with the translation context "co-design" is taken
# from the sources as translators get them (xgettext over po/POTFILES.in),
# and each sentence of five words or more is scored with the
# Flesch-Kincaid grade level; any sentence above grade 4 fails, printed with
# its score so it can be rewritten. Plan area names and a short glossary of
# words they will meet anyway are exempt: they are read as one short word.
import pathlib
import re
import subprocess
import sys
import tempfile

import polib
import pyphen

CODESIGN_SOURCES = "src/gui/codesign/"
MAX_GRADE = 4.0
MIN_WORDS = 5

# Words a young person meets in their own plan, explained to them by staff:
# scored as the one-syllable word "plan" so they neither help nor hurt.
GLOSSARY = (
    "support plan", "co-design", "passphrase", "check-in", "check in",
    "emotional wellbeing", "wellbeing", "education", "relationships",
)

HYPHENATOR = pyphen.Pyphen(lang="en_US")


def syllables(word):
    """Syllables of one word: the larger of the hyphenation dictionary's
    count and the count of vowel groups (less a silent final e), as each
    alone misses some."""
    word = word.lower()
    by_dictionary = len(HYPHENATOR.positions(word)) + 1
    groups = len(re.findall(r"[aeiouy]+", word))
    sounded_le = re.search(r"[^aeiouy]le$", word) is not None
    if word.endswith("e") and not sounded_le and not word.endswith("ee") and groups > 1:
        groups -= 1
    return max(1, by_dictionary, groups)


def plain_text(message):
    """What a reader sees: no mnemonic underscores, markup or placeholders."""
    text = re.sub(r"<[^>]+>", " ", message)
    text = re.sub(r"%(\d+\$)?[-+ #0]*\d*(\.\d+)?(l|ll|h|z|G_G?INT64_FORMAT)?[sdiuxf]", "Sam", text)
    text = re.sub(r"(?<![\w])_(?=\w)", "", text)
    for term in GLOSSARY:
        text = re.sub(re.escape(term), "plan", text, flags=re.IGNORECASE)
    return text


def sentences(text):
    for sentence in re.split(r"(?<=[.!?…])\s+|\n+|\s+[—–]\s+", text):
        words = re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)?", sentence)
        if len(words) >= MIN_WORDS:
            yield sentence.strip(), words


def grade(words):
    total = sum(syllables(word) for word in words)
    return 0.39 * len(words) + 11.8 * total / len(words) - 15.59


def all_messages(root):
    with tempfile.TemporaryDirectory() as folder:
        pot = pathlib.Path(folder) / "heard.pot"
        subprocess.run(["xgettext", "--from-code=UTF-8", "--keyword=_", "--keyword=N_",
                        "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
                        "--keyword=g_dpgettext2:2c,3", "-D", str(root),
                        "-f", str(root / "po" / "POTFILES.in"), "-o", str(pot)],
                       check=True, stderr=subprocess.DEVNULL)
        return polib.pofile(str(pot))


def main():
    root = pathlib.Path(sys.argv[1])
    checked = 0
    failures = []
    for entry in all_messages(root):
        if entry.msgctxt != "co-design":
            # Everything the co-design window says is in its plain words.
            failures += [f"{path}:{line}: no \"co-design\" context: {entry.msgid}"
                         for path, line in entry.occurrences if path.startswith(CODESIGN_SOURCES)]
            continue
        texts = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        for sentence, words in (found for text in texts for found in sentences(plain_text(text))):
            checked += 1
            score = grade(words)
            if score > MAX_GRADE:
                where = entry.occurrences[0][0] if entry.occurrences else "?"
                failures.append(f"{where}: grade {score:.1f}: {sentence}")
    if checked == 0:
        print("no co-design sentences found: is the context still \"co-design\"?")
        return 1
    for failure in failures:
        print(failure)
    print(f"{checked} co-design sentences of {MIN_WORDS}+ words checked "
          f"(grade {MAX_GRADE:g} at most): {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

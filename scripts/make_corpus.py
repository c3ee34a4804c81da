#!/usr/bin/env python3
"""Writes data/corpus.txt, embedtool's small demo corpus.

The corpus is written from templates by this script (no third-party text). Words come in
categories (animals, foods, colours, ...); every template belongs to one category, its slots take
any member of that category, and its other words are used by no other category. So members of one
category share their contexts and members of different categories do not: a skip-gram model
trained on the file for a few seconds puts "cat" next to "dog" and far from "bread", which is
what `embedtool lookup --nearest` demonstrates and what the tests assert.

Deterministic: the same --seed and --sentences give the same bytes with any Python 3.

    python3 scripts/make_corpus.py            # writes data/corpus.txt, statistics to stderr
"""
import argparse
import os
import random
import re
import sys

# Words any category may use: they carry no category information, as in real text.
SUBJECTS = [("i", "my"), ("we", "our"), ("she", "her"), ("he", "his"), ("they", "their")]
WHEN = ["today", "yesterday", "this morning", "last week", "in the evening", "again"]
FUNCTION_WORDS = set("""
    a an the and of to in on at for with from this that some very too is was were are has had
    i we she he they my our her his their me it all there after before
""".split())
SHARED_WORDS = FUNCTION_WORDS | {w for s in SUBJECTS for w in s} | {
    w for phrase in WHEN for w in phrase.split()}

# Each category: pools of interchangeable members (the first pool holds every member) and
# templates. In a template, {pool} is a member, {pool2} another member of the same pool,
# {a:pool} a member with its article, {subj}/{poss} a subject and its possessive, {when} a time.
CATEGORIES = {
    "animals": {
        "pools": {
            "animal": ["cat", "dog", "bird", "fish", "mouse", "rabbit",
                       "horse", "cow", "sheep", "goat", "pig", "duck"],
            # Pets and farm animals get templates of their own, so the category has some inner
            # structure (cat is nearer to dog than to cow) and vectors are not all alike.
            "pet": ["cat", "dog", "bird", "fish", "mouse", "rabbit"],
            "farm": ["horse", "cow", "sheep", "goat", "pig", "duck"],
            "outdoors": ["field", "yard", "meadow", "garden"],
        },
        "templates": [
            "the {animal} chased the {animal2} across the {outdoors}",
            "{subj} saw {a:animal} near the river {when}",
            "the vet looked after the sick {animal}",
            "{a:animal} was drinking from the pond",
            "the children fed the hungry {animal}",
            "the {animal} has soft fur and tiny paws",
            "my {pet} sleeps near the door",
            "we feed the {pet} {when}",
            "the {pet} played with a ball in the {outdoors}",
            "the {farm} stays in the barn all winter",
            "the farm down the lane has {a:farm} and {a:farm2}",
        ],
    },
    "foods": {
        "pools": {"food": ["bread", "cheese", "apple", "rice", "soup", "cake", "pasta", "egg",
                           "banana", "salad", "potato"]},
        "templates": [
            "we ate fresh {food} for lunch",
            "{subj} cooked {food} for dinner {when}",
            "there is some {food} on the kitchen table",
            "{subj} bought {food} at the market",
            "this {food} tastes delicious",
            "the {food} and the {food2} were ready to eat",
            "{subj} had {food} for breakfast",
        ],
    },
    "drinks": {
        "pools": {"drink": ["tea", "coffee", "milk", "juice", "water", "wine", "lemonade",
                            "cocoa"]},
        "templates": [
            "{subj} poured a glass of {drink}",
            "we drank hot {drink} in the cafe",
            "{subj} sipped {poss} {drink} slowly",
            "a cup of {drink} before bed helps me relax",
            "the {drink} in the bottle was cold",
            "she spilled {drink} on the carpet",
        ],
    },
    "colours": {
        "pools": {"colour": ["red", "blue", "green", "yellow", "black", "white", "grey",
                             "purple", "pink", "brown"]},
        "templates": [
            "she painted the wall {colour}",
            "{colour} is my favourite colour",
            "the sky turned {colour} at sunset",
            "he chose the {colour} paint for the fence",
            "the flowers were {colour} and {colour2}",
            "{subj} mixed {colour} paint with {colour2} paint",
            "a bright {colour} light shone",
        ],
    },
    "cities": {
        "pools": {"city": ["paris", "london", "rome", "berlin", "madrid", "tokyo", "cairo",
                           "lisbon", "vienna", "dublin", "prague"]},
        "templates": [
            "{subj} flew to {city} last summer",
            "{city} is a beautiful city",
            "we spent a week in {city}",
            "the museum in {city} was crowded",
            "{poss} friends live in {city}",
            "the highway from {city} to {city2} is wide",
            "the streets of {city} are busy",
        ],
    },
    "vehicles": {
        "pools": {"vehicle": ["car", "bus", "train", "bike", "truck", "boat", "plane", "taxi",
                              "tram", "van"]},
        "templates": [
            "{subj} took the {vehicle} to the office",
            "the {vehicle} was late again",
            "we boarded the {vehicle} at the station",
            "the {vehicle} got a bigger engine",
            "the {vehicle} parked at the corner",
            "{subj} fixed the broken {vehicle} in the garage",
            "the {vehicle} carried many passengers",
        ],
    },
    "family": {
        "pools": {"relative": ["mother", "father", "sister", "brother", "aunt", "uncle",
                               "grandmother", "grandfather", "cousin", "son", "daughter"]},
        "templates": [
            "my {relative} called me {when}",
            "{subj} visited {poss} {relative} on sunday",
            "her {relative} is very kind",
            "our {relative} tells funny stories",
            "the {relative} and the {relative2} sat together",
            "{subj} wrote a letter to {poss} {relative}",
            "{poss} {relative} was born in a quiet village",
        ],
    },
    "body": {
        "pools": {"part": ["hand", "foot", "head", "arm", "leg", "knee", "shoulder", "neck",
                           "finger", "elbow"]},
        "templates": [
            "{poss} {part} hurts after the game",
            "she hurt her {part} while running",
            "he scrubbed his {part} with soap",
            "the scan of his {part} was clear",
            "{subj} stretched {poss} {part} before the race",
            "there is a pain in my left {part}",
            "he broke his {part} when he fell",
        ],
    },
    "weather": {
        "pools": {"weather": ["rain", "snow", "wind", "fog", "sun", "storm", "hail", "frost",
                              "thunder", "drizzle"]},
        "templates": [
            "the {weather} stopped in the afternoon",
            "there was heavy {weather} {when}",
            "the forecast says {weather} tomorrow",
            "we stayed inside because of the {weather}",
            "the {weather} came from the north",
            "{weather} is expected this weekend",
            "{weather} and {weather2} are likely on the coast",
        ],
    },
    "numbers": {
        "pools": {"number": ["two", "three", "four", "five", "six", "seven", "eight", "nine",
                             "ten", "eleven", "twelve"]},
        "templates": [
            "{subj} waited {number} minutes",
            "there are {number} chairs in the room",
            "he is {number} years old",
            "she counted to {number}",
            "add {number} and {number2}",
            "the box holds {number} pieces",
            "{subj} ordered {number} tickets",
        ],
    },
    "professions": {
        "pools": {"job": ["doctor", "teacher", "farmer", "baker", "nurse", "pilot", "lawyer",
                          "singer", "painter", "engineer"]},
        "templates": [
            "the {job} started the shift early",
            "my friend wants to become {a:job}",
            "the {job} earned a good salary",
            "{subj} asked the {job} for advice",
            "{a:job} needs proper training",
            "the young {job} arrived on monday",
            "the {job} retired after a successful career",
        ],
    },
    "clothes": {
        "pools": {"clothing": ["shirt", "coat", "hat", "scarf", "dress", "jacket", "sock",
                               "boot", "glove", "skirt"]},
        "templates": [
            "{subj} wore a warm {clothing}",
            "this {clothing} is too small for me",
            "she washed the {clothing} and hung it to dry",
            "he lost his {clothing} at the party",
            "the shop sells {a:clothing} made of wool",
            "{subj} folded the {clothing} into the drawer",
            "{subj} tried on a new {clothing}",
        ],
    },
}

SLOT = re.compile(r"\{(a:)?([a-z]+?)(2?)\}")


def article(word):
    return "an" if word[0] in "aeiou" else "a"


def fill(template, pools, rng):
    """One sentence from a template; {pool2} never repeats {pool}'s member."""
    subject, possessive = rng.choice(SUBJECTS)
    chosen = {}

    def replace(match):
        with_article, pool, second = match.groups()
        if pool == "subj":
            return subject
        if pool == "poss":
            return possessive
        if pool == "when":
            return rng.choice(WHEN)
        if second:
            word = rng.choice([w for w in pools[pool] if w != chosen.get(pool)])
        else:
            word = chosen[pool] = rng.choice(pools[pool])
        return f"{article(word)} {word}" if with_article else word

    return SLOT.sub(replace, template)


def context_words(category):
    """The words a category uses around its members (template words and helper pools)."""
    words = set()
    for template in category["templates"]:
        words.update(SLOT.sub(" ", template).split())
    for pool in list(category["pools"].values())[1:]:
        words.update(w for w in pool if w not in category["pools"][next(iter(category["pools"]))])
    return words - SHARED_WORDS


def check_categories_are_separate():
    """Fails when two categories share a context word or one uses another's members: the
    corpus exists to make categories distinguishable, and an edit could silently break that."""
    problems = []
    names = list(CATEGORIES)
    members = {n: set(next(iter(CATEGORIES[n]["pools"].values()))) for n in names}
    contexts = {n: context_words(CATEGORIES[n]) for n in names}
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            for shared in sorted(contexts[first] & contexts[second]):
                problems.append(f"context word {shared!r} in both {first} and {second}")
            for shared in sorted(members[first] & members[second]):
                problems.append(f"member {shared!r} of both {first} and {second}")
        for other in names:
            for used in sorted(contexts[first] & members[other]):
                problems.append(f"{first} uses {used!r}, a member of {other}")
    if problems:
        sys.exit("make_corpus.py: categories overlap:\n  " + "\n  ".join(problems))


def generate(sentence_count, seed):
    rng = random.Random(seed)
    names = list(CATEGORIES)
    lines = []
    for _ in range(sentence_count):
        category = CATEGORIES[rng.choice(names)]
        template = rng.choice(category["templates"])
        lines.append(fill(template, category["pools"], rng))
    return lines


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=os.path.join(repo, "data", "corpus.txt"))
    parser.add_argument("--sentences", type=int, default=28000)
    parser.add_argument("--seed", type=int, default=20240611)
    args = parser.parse_args()

    check_categories_are_separate()
    lines = generate(args.sentences, args.seed)
    text = "\n".join(lines) + "\n"
    # Written next to the target and renamed, so an interrupted run keeps the old file.
    temporary = args.output + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    os.replace(temporary, args.output)

    tokens = text.split()
    print(f"{args.output}: {len(lines)} lines, {len(tokens)} tokens, "
          f"{len(set(tokens))} distinct words, {len(text.encode('utf-8'))} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()

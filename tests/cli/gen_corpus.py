#!/usr/bin/env python3
# Writes N small plain-text articles (the fixtures/articles/*.txt form:
# url/title/date/publisher header, "---", body) into DIR, for the store's
# crash, locking and memory tests. Invented people, real countries and
# cities; deterministic for a given N and SEED.
# usage: gen_corpus.py DIR N [SEED]
import os
import random
import sys

COUNTRIES = [
    ("Kenya", "Kenyan", "Nairobi"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Japan", "Japanese", "Tokyo"), ("Brazil", "Brazilian", "Brasilia"),
    ("Norway", "Norwegian", "Oslo"), ("Vietnam", "Vietnamese", "Hanoi"),
    ("Chile", "Chilean", "Santiago"), ("Egypt", "Egyptian", "Cairo"),
    ("Poland", "Polish", "Warsaw"), ("Malaysia", "Malaysian", "Kuala Lumpur"),
    ("Ghana", "Ghanaian", "Accra"), ("Peru", "Peruvian", "Lima"),
]
FIRST = ["Amara", "Tomasz", "Lindiwe", "Haruto", "Ines", "Kofi", "Mirela",
         "Dario", "Sunniva", "Ravi", "Nadia", "Bao", "Teodora", "Esteban"]
LAST = ["Velmar", "Okonkwo-Hale", "Strand", "Quispe", "Nakahara", "Wojcik",
        "Mensah", "Tranh", "Albescu", "Ferreira", "Lindqvist", "Haddad"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def person(rng):
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        (a, adj_a, cap_a), (b, adj_b, cap_b) = rng.sample(COUNTRIES, 2)
        p, q = person(rng), person(rng)
        while q == p:
            q = person(rng)
        m = rng.randrange(12)
        d = rng.randrange(1, 28)
        value = rng.randrange(11, 990) / 10
        year = 2020 + rng.randrange(5)
        date = "2025-%02d-%02d" % (m + 1, d)
        text = (
            "url: https://corpus.example/%d/%s-%s-talks\n"
            "title: %s and %s hold talks in %s (%d)\n"
            "date: %s\n"
            "publisher: Corpus Wire\n"
            "---\n"
            "%s, %s %d (Corpus Wire) -- %s Foreign Minister %s met %s "
            "Foreign Minister %s in %s on Monday to discuss trade and "
            "investment.\n\n"
            "\"Our two countries have a great deal to build together,\" %s "
            "told reporters after the meeting.\n\n"
            "%s is %s's fifth-largest trading partner, with two-way trade "
            "of about US$%.1f billion in %d.\n"
        ) % (i, a.lower(), b.lower(), a, b, cap_b, i, date,
             cap_b.upper(), MONTHS[m], d, adj_a, p, adj_b, q, cap_b, p,
             b, a, value, year)
        with open(os.path.join(out, "a%04d.txt" % i), "w") as f:
            f.write(text)


main()

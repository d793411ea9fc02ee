#!/usr/bin/env python3
"""Verify the golden relevance judgements in queries.jsonl against the real data files.

Checks (any failure -> exit status 1):
  * every line is a JSON object with the required fields and a known class;
  * ids are unique; grades are 1, 2 or 3;
  * every judged code (and intended / intended_equivalents) exists in the DUO files:
      mbo: duo-ho-mbo-2019/mbo_inscriptions_2019.csv           (KWALIFICATIE CODE = crebo)
      hbo/wo: duo-ho-mbo-2019/{hbo,wo}_{inscriptions,gediplomeerden}_2019.csv
              (OPLEIDINGSCODE ACTUEEL = CROHO)
    lines whose field count differs from the header are skipped, as PROVENANCE.md says;
  * the intended code is judged 3; intended_equivalents are exactly the other codes whose
    normalised title equals the intended code's title;
  * codes with the same normalised title get the same grade within a query;
  * typo queries carry "corrected" and differ from it per word by at most 1 edit for words
    of 5-8 letters, at most 2 for words of 9+ letters, 0 for shorter words, with >= 1 edit;
  * minimum counts: >= 110 queries, >= 25 typo, >= 12 compound, >= 10 english, prefix,
    occupation and plural.
Prints counts per class and some informational statistics.

Usage: python3 check_codes.py [--data /work/shared/data] [--queries queries.jsonl]
"""
import argparse
import collections
import csv
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = ['single', 'and', 'multi', 'typo', 'compound', 'prefix', 'plural', 'english', 'occupation']
MINIMUM = {'typo': 25, 'compound': 12, 'english': 10, 'prefix': 10, 'occupation': 10, 'plural': 10}
MIN_TOTAL = 110
REQUIRED = ['id', 'class', 'query', 'lang', 'judgements', 'intended', 'note']


def rows(path):
    with open(path, encoding='utf-8', newline='') as f:
        reader = csv.reader(f, delimiter=';')
        header = next(reader)
        for row in reader:
            if len(row) != len(header):
                continue  # stray '""' lines from the download script
            yield dict(zip(header, row))


def strip_prefix(name):
    for prefix, level in (('B ', 'bachelor'), ('M ', 'master'), ('Ad ', 'associate degree')):
        if name.startswith(prefix):
            return name[len(prefix):], level
    return name, ''


def load_catalogue(data):
    """code -> (source, title) from the DUO files."""
    codes = {}
    duo = os.path.join(data, 'duo-ho-mbo-2019')
    for r in rows(os.path.join(duo, 'mbo_inscriptions_2019.csv')):
        codes.setdefault(r['KWALIFICATIE CODE'].strip(), ('mbo', r['KWALIFICATIE NAAM'].strip()))
    for name in ('hbo_inscriptions_2019', 'wo_inscriptions_2019',
                 'hbo_gediplomeerden_2019', 'wo_gediplomeerden_2019'):
        src = name.split('_')[0]
        for r in rows(os.path.join(duo, name + '.csv')):
            title, _ = strip_prefix(r['OPLEIDINGSNAAM ACTUEEL'].strip())
            codes.setdefault(r['OPLEIDINGSCODE ACTUEEL'].strip(), (src, title))
    return codes


def load_kwalificaties_2015(data):
    path = os.path.join(data, 'mbo-kwalificaties-2015', 'kwalificaties_mbo_2015.csv')
    with open(path, encoding='utf-8', newline='') as f:
        return {r['kwalificatie_crebo'].strip() for r in csv.DictReader(f)}


def norm(title):
    t = unicodedata.normalize('NFKD', title.lower())
    t = ''.join(c for c in t if not unicodedata.combining(c))
    return re.sub(r'\s+', ' ', re.sub(r'[-/]', ' ', t)).strip()


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def allowed_edits(word):
    n = len(word)
    return 0 if n < 5 else 1 if n <= 8 else 2


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', default=os.environ.get('VERDER_SHARED_DATA', '/work/shared/data'))
    ap.add_argument('--queries', default=os.path.join(HERE, 'queries.jsonl'))
    args = ap.parse_args()

    catalogue = load_catalogue(args.data)
    kw2015 = load_kwalificaties_2015(args.data)
    by_title = collections.defaultdict(set)
    for code, (_, title) in catalogue.items():
        by_title[norm(title)].add(code)

    errors = []
    queries = []
    with open(args.queries, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                q = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f'line {lineno}: invalid JSON: {e}')
                continue
            q['_line'] = lineno
            queries.append(q)

    ids = set()
    for q in queries:
        where = f"line {q['_line']} ({q.get('id')})"
        missing = [k for k in REQUIRED if k not in q]
        if missing:
            errors.append(f'{where}: missing fields {missing}')
            continue
        if q['id'] in ids:
            errors.append(f'{where}: duplicate id')
        ids.add(q['id'])
        if q['class'] not in CLASSES:
            errors.append(f"{where}: unknown class {q['class']!r}")
        if q['lang'] not in ('nl', 'en'):
            errors.append(f"{where}: unknown lang {q['lang']!r}")
        if not isinstance(q['query'], str) or not q['query'].strip():
            errors.append(f'{where}: empty query')
        j = q['judgements']
        if not isinstance(j, dict) or not j:
            errors.append(f'{where}: judgements must be a non-empty object')
            continue
        for code, grade in j.items():
            if code not in catalogue:
                errors.append(f'{where}: code {code} not found in the DUO files')
            if grade not in (1, 2, 3) or isinstance(grade, bool):
                errors.append(f'{where}: code {code} has grade {grade!r} (must be 1, 2 or 3)')
        intended = q['intended']
        if j.get(intended) != 3:
            errors.append(f'{where}: intended {intended} is not judged 3')
        if intended in catalogue:
            expected_eq = sorted(by_title[norm(catalogue[intended][1])] - {intended})
            if 'intended_equivalents' in q and sorted(q['intended_equivalents']) != expected_eq:
                errors.append(f"{where}: intended_equivalents {q['intended_equivalents']} != {expected_eq}")
        # same normalised title -> same grade (an ungraded code counts as 0)
        seen_titles = set()
        for code in j:
            if code not in catalogue or norm(catalogue[code][1]) in seen_titles:
                continue
            seen_titles.add(norm(catalogue[code][1]))
            group = sorted(by_title[norm(catalogue[code][1])])
            grades_in_group = {c: j.get(c, 0) for c in group}
            if len(set(grades_in_group.values())) > 1:
                errors.append(f'{where}: codes sharing the title {catalogue[code][1]!r} have '
                              f'different grades {grades_in_group}')
        if q['class'] == 'typo':
            corrected = q.get('corrected')
            if not corrected:
                errors.append(f'{where}: typo query without "corrected"')
            else:
                qw, cw = q['query'].lower().split(), corrected.lower().split()
                if len(qw) != len(cw):
                    errors.append(f'{where}: query and corrected have different word counts')
                else:
                    total = 0
                    for a, b in zip(qw, cw):
                        d = levenshtein(a, b)
                        total += d
                        if d > allowed_edits(b):
                            errors.append(f'{where}: {a!r} is {d} edits from {b!r} '
                                          f'(at most {allowed_edits(b)} allowed for {len(b)} letters)')
                    if total == 0:
                        errors.append(f'{where}: typo query equals its correction')

    counts = collections.Counter(q.get('class') for q in queries)
    if len(queries) < MIN_TOTAL:
        errors.append(f'only {len(queries)} queries (need >= {MIN_TOTAL})')
    for cls, minimum in MINIMUM.items():
        if counts[cls] < minimum:
            errors.append(f'class {cls}: {counts[cls]} queries (need >= {minimum})')

    # ---- report ----
    print(f'queries: {len(queries)}  (file: {args.queries})')
    print('per class:')
    for cls in CLASSES:
        print(f'  {cls:<11} {counts[cls]:>3}')
    grades = collections.Counter(g for q in queries for g in q['judgements'].values())
    judged = {c for q in queries for c in q['judgements']}
    print(f"judgements: {sum(grades.values())}  (grade 3: {grades[3]}, 2: {grades[2]}, 1: {grades[1]})")
    by_src = collections.Counter(catalogue[c][0] for c in judged if c in catalogue)
    print(f"distinct judged codes: {len(judged)}  (mbo {by_src['mbo']}, hbo {by_src['hbo']}, wo {by_src['wo']})")
    mbo_judged = {c for c in judged if c in catalogue and catalogue[c][0] == 'mbo'}
    print(f'judged mbo codes also in kwalificaties_mbo_2015.csv: {len(mbo_judged & kw2015)} of {len(mbo_judged)}')
    print(f'catalogue: {len(catalogue)} codes; {sum(1 for v in by_title.values() if len(v) > 1)} '
          f'normalised titles are shared by more than one code')
    literal = [q['id'] for q in queries if q['class'] == 'occupation' and any(
        re.search(r'\b' + re.escape(q['query'].lower()) + r'\b', norm(catalogue[c][1]))
        for c, g in q['judgements'].items() if g == 3 and c in catalogue)]
    if literal:
        print('info: occupation queries whose word also occurs as a whole word in a grade-3 title:',
              ', '.join(literal))

    if errors:
        print(f'\nFAILED: {len(errors)} problem(s)')
        for e in errors:
            print('  ' + e)
        return 1
    print('\nOK: all judged codes exist, every query has an intended code with grade 3')
    return 0


if __name__ == '__main__':
    sys.exit(main())

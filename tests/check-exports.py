#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads Heard's exports back with the libraries other tools use, for
# tests/test-cli.c (run with Debian's /usr/bin/python3, which has
# python3-icalendar):
#
#   check-exports.py ics FILE [FILE…] [--forbid NAME…] [--expect NAME]
#     Every FILE parses with icalendar; each physical line is at most 75
#     octets of UTF-8 and ends CRLF; each VEVENT has a UID, a DTSTAMP in
#     UTC, an all-day DTSTART and a DISPLAY reminder; every FILE has the
#     same UIDs; no summary or description holds a forbidden name, and
#     with --expect some summary holds that one. Prints the number of
#     events.
#
#   check-exports.py csv FILE [--forbid NAME…]
#     FILE ("-": standard input) is UTF-8 CSV with CRLF line ends that Python's csv module
#     reads, rows as wide as the header; no field holds a forbidden name.
#     Prints each row, fields joined by tabs and line breaks in them as
#     "\n", one a line.
#
# Exits 1 with the reason on standard error when something is wrong.

import argparse
import csv
import datetime
import io
import sys

import icalendar


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def check_lines(path, data):
    if not data.endswith(b'\r\n'):
        fail(f'{path}: the last line does not end with CRLF')
    for number, line in enumerate(data[:-2].split(b'\r\n'), 1):
        if b'\n' in line or b'\r' in line:
            fail(f'{path}:{number}: a line ends without CRLF')
        if len(line) > 75:
            fail(f'{path}:{number}: {len(line)} octets, more than 75')
        try:
            line.decode('utf-8')
        except UnicodeDecodeError:
            fail(f'{path}:{number}: folded inside a UTF-8 character')


def check_ics(args):
    all_uids = None
    expected_seen = args.expect is None
    for path in args.files:
        with open(path, 'rb') as f:
            data = f.read()
        check_lines(path, data)
        calendar = icalendar.Calendar.from_ical(data)
        if str(calendar.get('VERSION')) != '2.0' or not calendar.get('PRODID'):
            fail(f'{path}: no VERSION 2.0 or no PRODID')
        uids = []
        for event in calendar.walk('VEVENT'):
            uid = event.get('UID')
            if not uid:
                fail(f'{path}: an event without a UID')
            stamp = event.get('DTSTAMP')
            if stamp is None or stamp.dt.tzinfo is None or \
                    stamp.dt.utcoffset() != datetime.timedelta(0):
                fail(f'{path}: event {uid} has no DTSTAMP in UTC')
            start = event.get('DTSTART')
            if start is None or isinstance(start.dt, datetime.datetime):
                fail(f'{path}: event {uid} is not an all-day event')
            alarms = event.walk('VALARM')
            if not alarms or str(alarms[0].get('ACTION')) != 'DISPLAY' or \
                    alarms[0].get('TRIGGER') is None:
                fail(f'{path}: event {uid} has no reminder')
            texts = [str(event.get('SUMMARY', ''))] + \
                [str(alarm.get('DESCRIPTION', '')) for alarm in alarms]
            for text in texts:
                for name in args.forbid:
                    if name in text:
                        fail(f'{path}: event {uid} names someone: {text!r}')
                if args.expect is not None and args.expect in text:
                    expected_seen = True
            uids.append(str(uid))
        if len(set(uids)) != len(uids):
            fail(f'{path}: two events share a UID')
        if not uids:
            fail(f'{path}: no events')
        if all_uids is not None and sorted(uids) != all_uids:
            fail(f'{path}: not the UIDs of {args.files[0]}')
        all_uids = sorted(uids)
    if not expected_seen:
        fail(f'no summary holds {args.expect!r}')
    print(len(all_uids))


def check_csv(args):
    if args.files[0] == '-':
        data = sys.stdin.buffer.read()
    else:
        with open(args.files[0], 'rb') as f:
            data = f.read()
    if not data.endswith(b'\r\n'):
        fail('the last row does not end with CRLF')
    rows = list(csv.reader(io.StringIO(data.decode('utf-8'), newline='')))
    if not rows:
        fail('no header row')
    for number, row in enumerate(rows, 1):
        if len(row) != len(rows[0]):
            fail(f'row {number} has {len(row)} fields, the header {len(rows[0])}')
        for field in row:
            for name in args.forbid:
                if name in field:
                    fail(f'row {number} names someone: {field!r}')
    out = io.TextIOWrapper(sys.stdout.buffer, encoding='utf-8', newline='\n')
    for row in rows:
        print('\t'.join(field.replace('\n', '\\n') for field in row), file=out)
    out.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('format', choices=['ics', 'csv'])
    parser.add_argument('files', nargs='+')
    parser.add_argument('--forbid', nargs='*', default=[])
    parser.add_argument('--expect')
    args = parser.parse_args()
    args.forbid = [name for name in args.forbid if name]
    if args.format == 'ics':
        check_ics(args)
    else:
        check_csv(args)


main()

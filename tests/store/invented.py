"""Invented Russian news, made up for these tests: towns, officials and what they said."""

from __future__ import annotations

import json
from pathlib import Path

TOWNS = ["Новогорск", "Зареченск", "Озёрск", "Лесогорск", "Тихий Бор", "Каменск-Северный", "Приречье", "Солнечногорье"]
PEOPLE = [("Ольга", "Кравец", "мэр"), ("Аркадий", "Белов", "министр экономики"), ("Марина", "Соколова", "губернатор"),
          ("Игорь", "Лаптев", "депутат"), ("Пётр", "Гаврилов", "председатель совета"), ("Анна", "Миронова", "судья"),
          ("Сергей", "Дубов", "директор завода"), ("Вера", "Орлова", "ректор")]
THINGS = ["новый мост", "школу", "больницу", "парк", "завод", "библиотеку", "стадион", "дорогу к вокзалу"]
SAID = ["Мы ждали этого двадцать лет", "Работы завершены точно в срок", "Деньги потрачены честно",
        "Следующим летом начнём ремонт набережной", "Жители сами выбрали проект", "Это только начало"]


def article(i: int) -> dict:
    given, surname, role = PEOPLE[i % len(PEOPLE)]
    town = TOWNS[(i // 2) % len(TOWNS)]
    thing = THINGS[(i * 3) % len(THINGS)]
    said = SAID[(i * 5) % len(SAID)]
    a = "а" if surname.endswith("а") or given in ("Ольга", "Анна") else ""
    text = (f"В городе {town} {role} {given} {surname} открыл{a} {thing}, сообщает газета «Вестник {town}». "
            f"«{said}», — заявил{a} {surname} на церемонии номер {i}. "
            f"По словам чиновника, на объект потратили {i + 1},{i % 10} млн рублей, а работы заняли {i % 11 + 2} месяцев.")
    return {"id": f"inv-{i:03d}", "date": f"2026-{i % 12 + 1:02d}-{i % 27 + 1:02d}", "outlet": f"Вестник {town}",
            "url": f"https://vestnik.example/{i}", "title": f"{town}: открыт объект {i}", "text": text}


def write_jsonl(path: Path, n: int, start: int = 0) -> list[dict]:
    items = [article(i) for i in range(start, start + n)]
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items), encoding="utf-8")
    return items

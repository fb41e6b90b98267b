"""What the demo incidents are made of: products, hazards, countries, people, phrases.

Plain data, kept apart from the generator so that the catalogue can grow without touching
the logic. Names are given in Japanese and English, as the register shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa_desktop.domain.incident import IncidentSource


@dataclass(frozen=True, slots=True)
class Hazard:
    """A kind of incident: how it is titled and described, and what harm it can do."""

    key: str
    en: str
    ja: str
    detail_en: str
    detail_ja: str


@dataclass(frozen=True, slots=True)
class Product:
    """A product line: its business unit, names, base model and the hazards it shows."""

    business_unit: str
    name_en: str
    name_ja: str
    model: str
    hazards: tuple[str, ...]


#: The hazards by key.
HAZARDS = {
    h.key: h
    for h in (
        Hazard(
            "overheat",
            "overheating",
            "異常発熱",
            "The housing became too hot to touch during normal use.",
            "通常使用中に本体が触れないほど熱くなった。",
        ),
        Hazard(
            "smoke",
            "smoke from the unit",
            "発煙",
            "Smoke came out of the vents and the user unplugged the unit.",
            "通気口から煙が出たため、使用者が電源プラグを抜いた。",
        ),
        Hazard(
            "fire",
            "fire",
            "発火",
            "Flames came out of the unit and spread to nearby objects.",
            "本体から炎が上がり、周囲の物に燃え移った。",
        ),
        Hazard(
            "burn",
            "burn injury",
            "やけど",
            "The user touched a hot part and was burned.",
            "使用者が高温部に触れてやけどを負った。",
        ),
        Hazard(
            "shock",
            "electric shock",
            "感電",
            "The user felt an electric shock when touching the housing.",
            "本体に触れた際に感電した。",
        ),
        Hazard(
            "co",
            "carbon monoxide",
            "一酸化炭素中毒",
            "Residents felt dizzy; the CO alarm sounded and an ambulance was called.",
            "住人がめまいを訴え、CO警報器が鳴動し救急搬送された。",
        ),
        Hazard(
            "cut",
            "laceration",
            "裂傷",
            "The blade guard did not return and the operator's hand was cut.",
            "刃のガードが戻らず、作業者が手を切った。",
        ),
        Hazard(
            "kickback",
            "kickback",
            "キックバック",
            "The tool kicked back and struck the operator.",
            "工具が反動で跳ね返り、作業者に当たった。",
        ),
        Hazard(
            "door",
            "door entrapment",
            "戸挟まれ",
            "The doors closed on a passenger although the safety edge was touched.",
            "セーフティシューに触れたにもかかわらず戸が閉まり、乗客が挟まれた。",
        ),
        Hazard(
            "stop",
            "sudden stop",
            "急停止",
            "The car stopped between floors and passengers were trapped for 40 minutes.",
            "かごが階間で停止し、乗客が約40分間閉じ込められた。",
        ),
        Hazard(
            "fall",
            "fall on escalator",
            "転倒",
            "The step stopped abruptly and a passenger fell.",
            "ステップが急停止し、利用者が転倒した。",
        ),
        Hazard(
            "swelling",
            "cell swelling",
            "膨張",
            "The battery case is swollen and the cover no longer closes.",
            "電池ケースが膨張し、カバーが閉まらなくなった。",
        ),
        Hazard(
            "rupture",
            "battery rupture",
            "破裂",
            "The pack ruptured while charging; fragments were found two metres away.",
            "充電中にパックが破裂し、2m先まで破片が飛散した。",
        ),
        Hazard(
            "overdose",
            "over-infusion",
            "過剰投与",
            "The pump delivered more than the programmed rate without an alarm.",
            "設定流量を超えて送液されたが、アラームが鳴らなかった。",
        ),
        Hazard(
            "reading",
            "wrong reading",
            "測定値異常",
            "Readings were 20-30 mmHg lower than a reference device.",
            "参照機と比べて測定値が20〜30mmHg低く表示された。",
        ),
        Hazard(
            "noise",
            "abnormal noise",
            "異音",
            "A loud rattling noise started after about a year of use.",
            "使用開始から約1年で大きな異音が発生した。",
        ),
        Hazard(
            "error",
            "error code shown",
            "エラー表示",
            "Error code E-07 is shown and the unit will not start.",
            "エラーコードE-07が表示され、起動しない。",
        ),
    )
}

#: The product lines of the five business units.
PRODUCTS = (
    Product(
        "Home Appliances 家電事業部",
        "Oil heater",
        "オイルヒーター",
        "OH-12",
        ("overheat", "smoke", "fire", "burn", "noise", "error"),
    ),
    Product(
        "Home Appliances 家電事業部",
        "Electric kettle",
        "電気ケトル",
        "KT-800",
        ("overheat", "burn", "shock", "smoke", "error"),
    ),
    Product(
        "Home Appliances 家電事業部",
        "Rice cooker",
        "炊飯器",
        "RC-5500",
        ("overheat", "smoke", "burn", "error", "noise"),
    ),
    Product(
        "Home Appliances 家電事業部",
        "Gas fan heater",
        "ガスファンヒーター",
        "GF-32",
        ("co", "fire", "overheat", "smoke", "error"),
    ),
    Product(
        "Home Appliances 家電事業部",
        "Hair dryer",
        "ヘアドライヤー",
        "HD-1200",
        ("fire", "smoke", "shock", "burn", "overheat"),
    ),
    Product(
        "Home Appliances 家電事業部",
        "Dehumidifier",
        "除湿機",
        "DH-18",
        ("fire", "smoke", "noise", "error"),
    ),
    Product(
        "Power Tools 電動工具事業部",
        "Cordless drill 18V",
        "充電式ドリル 18V",
        "CD-18X",
        ("overheat", "kickback", "smoke", "swelling", "noise"),
    ),
    Product(
        "Power Tools 電動工具事業部",
        "Circular saw",
        "丸のこ",
        "CS-165",
        ("cut", "kickback", "shock", "noise"),
    ),
    Product(
        "Power Tools 電動工具事業部",
        "Angle grinder",
        "ディスクグラインダー",
        "AG-100",
        ("cut", "kickback", "shock", "overheat"),
    ),
    Product(
        "Building Systems ビルシステム事業部",
        "Passenger elevator",
        "乗用エレベーター",
        "EV-P15",
        ("door", "stop", "noise", "error"),
    ),
    Product(
        "Building Systems ビルシステム事業部",
        "Escalator",
        "エスカレーター",
        "ES-1000",
        ("fall", "stop", "noise"),
    ),
    Product(
        "Energy Storage 電池事業部",
        "Lithium-ion power bank",
        "モバイルバッテリー",
        "PB-10K",
        ("swelling", "rupture", "fire", "overheat", "smoke"),
    ),
    Product(
        "Energy Storage 電池事業部",
        "E-bike battery",
        "電動アシスト自転車用バッテリー",
        "EB-36V",
        ("swelling", "rupture", "fire", "overheat"),
    ),
    Product(
        "Medical Devices 医療機器事業部",
        "Infusion pump",
        "輸液ポンプ",
        "IP-300",
        ("overdose", "error", "reading"),
    ),
    Product(
        "Medical Devices 医療機器事業部",
        "Blood pressure monitor",
        "血圧計",
        "BP-70",
        ("reading", "error", "overheat"),
    ),
)

#: Countries where incidents happen, with their weights.
COUNTRIES = (
    ("JP", 40),
    ("US", 14),
    ("DE", 6),
    ("CN", 6),
    ("AU", 5),
    ("CA", 4),
    ("GB", 4),
    ("FR", 3),
    ("KR", 3),
    ("TH", 2),
    ("VN", 2),
    ("IN", 2),
    ("BR", 2),
    ("IT", 2),
    ("ES", 1),
    ("NL", 1),
    ("SE", 1),
    ("SG", 1),
    ("TW", 1),
    ("MX", 1),
)
#: Markets a product is sold in (EU stands for the single market).
MARKETS = ("JP", "US", "EU", "CN", "AU", "CA", "GB", "KR", "TW", "SG", "TH", "BR")
#: Each country's usual UTC offset in hours, for local times in the demo data.
ZONES = {
    "JP": 9,
    "US": -5,
    "DE": 1,
    "CN": 8,
    "AU": 10,
    "CA": -5,
    "GB": 0,
    "FR": 1,
    "KR": 9,
    "TH": 7,
    "VN": 7,
    "IN": 5.5,
    "BR": -3,
    "IT": 1,
    "ES": 1,
    "NL": 1,
    "SE": 1,
    "SG": 8,
    "TW": 8,
    "MX": -6,
}
#: Channels through which incidents reach the company, with their weights.
SOURCES = (
    (IncidentSource.CUSTOMER, 38),
    (IncidentSource.CALL_CENTRE, 20),
    (IncidentSource.DEALER, 14),
    (IncidentSource.GROUP_COMPANY, 8),
    (IncidentSource.INTERNAL_TEST, 9),
    (IncidentSource.REGULATOR, 6),
    (IncidentSource.MEDIA, 5),
)
#: QA owners ("" for an incident nobody has taken yet).
OWNERS = (
    "佐藤 花子",
    "鈴木 一郎",
    "Tanaka Hiroshi",
    "高橋 美咲",
    "Emily Clark",
    "Jonas Weber",
    "伊藤 翔",
    "Li Wei",
    "渡辺 真理",
    "Priya Nair",
    "",
)
#: Sentences on how the incident was reported, in English and in Japanese.
REPORTERS_EN = (
    "Reported by the customer through the web form.",
    "The dealer sent photos of the unit.",
    "Call centre ticket; the customer kept the product for collection.",
    "Found during the reliability test of the next lot.",
    "The regulator forwarded a consumer complaint.",
    "A local news site published photos of the damage.",
)
REPORTERS_JA = (
    "お客様相談室に電話で連絡があった。",
    "販売店から現品の写真が送付された。",
    "現品は回収済みで、品質保証部で調査中。",
    "同一ロットで類似事象がないか確認中。",
    "消費者庁経由で情報提供があった。",
)

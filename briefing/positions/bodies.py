"""Reviewed tables the Phoenix data cannot give: body acronyms and extra names.

Phoenix codes an international body as a CAMEO code (``IGOUNOIAE`` = IGO, UN family, IAEA);
the memo needs the acronym readers know. :data:`CAMEO_BODIES` maps a code's three-letter
chunks to that acronym (the most specific chunk of a code wins). :data:`BODY_NAMES` are the
full names and the other ways news writes them, which the generated data may miss.
:data:`STATE_BODIES` adds seats of government that neither Phoenix nor
``countries_extra.yaml`` lists.
"""

from __future__ import annotations

# CAMEO organisation chunk -> acronym as the memo shows it.
CAMEO_BODIES: dict[str, str] = {
    "UNO": "UN", "EEC": "EU", "NAT": "NATO", "IAE": "IAEA", "WHO": "WHO", "WBK": "World Bank",
    "IMF": "IMF", "WTO": "WTO", "OPC": "OPEC", "ASN": "ASEAN", "AFU": "AU", "OAU": "AU",
    "ARL": "Arab League", "ICC": "ICC", "ICJ": "ICJ", "HCR": "UNHCR", "KID": "UNICEF",
    "ILO": "ILO", "HCH": "OHCHR", "WFP": "WFP", "OAS": "OAS", "SAA": "SAARC", "EBR": "EBRD",
    "ADB": "ADB", "CWN": "Commonwealth", "OIC": "OIC", "ITP": "Interpol", "GOE": "G8",
    "IRC": "ICRC", "CAS": "SCO", "WAS": "ECOWAS", "EAC": "EAC", "GCC": "GCC",
}

# acronym -> (full name, other names). Names are matched after normalisation
# (case, accents and punctuation do not matter; "U.N." is "UN").
BODY_NAMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "UN": ("United Nations", ("UN Security Council", "Security Council", "UN General Assembly",
                              "UN Secretariat", "UN Human Rights Council")),
    "EU": ("European Union", ("European Commission", "European Council",
                              "Council of the European Union", "European Parliament")),
    "NATO": ("North Atlantic Treaty Organization", ("North Atlantic Treaty Organisation",
                                                     "the Atlantic alliance", "OTAN")),
    "AU": ("African Union", ("Organisation of African Unity", "Organization of African Unity",
                             "OAU", "African Union Commission")),
    "IAEA": ("International Atomic Energy Agency", ("UN nuclear watchdog",
                                                    "UN atomic watchdog")),
    "WHO": ("World Health Organization", ("World Health Organisation",)),
    "ICC": ("International Criminal Court", ()),
    "ICJ": ("International Court of Justice", ("World Court",)),
    "OPEC": ("Organization of the Petroleum Exporting Countries",
             ("Organisation of the Petroleum Exporting Countries",
              "Organization of Petroleum Exporting Countries")),
    "ASEAN": ("Association of Southeast Asian Nations",
              ("Association of South East Asian Nations",)),
    "G7": ("Group of Seven", ("G-7", "G 7")),
    "G8": ("Group of Eight", ("G-8",)),
    "G20": ("Group of Twenty", ("G-20", "Group of 20")),
    "IMF": ("International Monetary Fund", ()),
    "World Bank": ("World Bank", ("World Bank Group", "International Bank for Reconstruction "
                                  "and Development", "IBRD")),
    "WTO": ("World Trade Organization", ("World Trade Organisation",)),
    "OSCE": ("Organization for Security and Co-operation in Europe",
             ("Organisation for Security and Co-operation in Europe",
              "Organization for Security and Cooperation in Europe")),
    "Arab League": ("League of Arab States", ("Arab League",)),
    "ICRC": ("International Committee of the Red Cross", ("Red Cross", "Red Crescent",
                                                           "IFRC")),
    "UNHCR": ("UN refugee agency", ("Office of the UN High Commissioner for Refugees",
                                    "UN High Commissioner for Refugees")),
    "UNICEF": ("United Nations Children's Fund", ("UN Children's Fund",)),
    "OHCHR": ("UN human rights office", ("UN High Commissioner for Human Rights",)),
    "WFP": ("World Food Programme", ("World Food Program",)),
    "GCC": ("Gulf Cooperation Council", ("Cooperation Council for the Arab States of the Gulf",)),
    "SCO": ("Shanghai Cooperation Organisation", ("Shanghai Cooperation Organization",)),
    "ECOWAS": ("Economic Community of West African States", ()),
    "OIC": ("Organisation of Islamic Cooperation", ("Organization of Islamic Cooperation",
                                                    "Organization of the Islamic Conference")),
    "OAS": ("Organization of American States", ("Organisation of American States",)),
    "Interpol": ("International Criminal Police Organization", ()),
    "Commonwealth": ("Commonwealth of Nations", ()),
    "SAARC": ("South Asian Association for Regional Cooperation", ()),
    "EBRD": ("European Bank for Reconstruction and Development", ()),
    "ADB": ("Asian Development Bank", ()),
    "EAC": ("East African Community", ()),
    "ILO": ("International Labour Organization", ("International Labour Organisation",
                                                  "International Labor Organization")),
}

# Seats and metonyms of government not in Phoenix nor countries_extra.yaml: name -> ISO alpha-3.
STATE_BODIES: dict[str, str] = {
    "State Department": "USA", "US State Department": "USA", "Pentagon": "USA",
    "Department of Defense": "USA", "Oval Office": "USA", "Downing Street": "GBR",
    "Number 10": "GBR", "Foreign Office": "GBR", "Foreign and Commonwealth Office": "GBR",
    "Elysee": "FRA", "Elysee Palace": "FRA", "Quai d'Orsay": "FRA", "Kremlin": "RUS",
    "Blue House": "KOR", "Cheong Wa Dae": "KOR", "Zhongnanhai": "CHN",
    "Great Hall of the People": "CHN", "Kantei": "JPN",
    "Knesset": "ISR", "Rashtrapati Bhavan": "IND", "Bundestag": "DEU",
}

"""Seed the support lines for the regions whose languages Haven assesses (issue 15).

The rows of ../shared/CRISIS.md "Resources beyond English", each with the service's own site as
its source. On 2026-12-05 every number was checked against published reports of the service
(news, the service's own pages where a stored copy exists): that is the date recorded, and the
admin warns after CRISIS_RESOURCE_STALE_DAYS that someone should check them again at the
source. Descriptions are written in the region's own language. 112 is added for the EU
regions without an emergency number in the table (BE, AT), from the EU's page on 112.
"""

from datetime import date

from django.db import migrations

VERIFIED = date(2026, 12, 5)
EU_112 = "https://digital-strategy.ec.europa.eu/en/policies/112"

RESOURCES = [
    # España
    {
        "region": "ES",
        "order": 10,
        "category": "emergency",
        "name": "Emergencias",
        "phone": "112",
        "hours": "24/7",
        "languages": "Español",
        "description": "Policía, ambulancia y bomberos. Llama si tú u otra persona estáis en "
        "peligro ahora mismo.",
        "source_url": EU_112,
    },
    {
        "region": "ES",
        "order": 20,
        "category": "crisis_line",
        "name": "Línea 024",
        "phone": "024",
        "url": "https://www.sanidad.gob.es/linea024/",
        "hours": "24/7",
        "languages": "Español",
        "description": "Si piensas en quitarte la vida o estás pasando por un momento muy duro, "
        "llama al 024. Es gratis y confidencial, y al otro lado hay alguien preparado para "
        "escucharte, a cualquier hora. También puedes llamar si te preocupa alguien cercano.",
        "source_url": "https://www.sanidad.gob.es/linea024/",
    },
    # México
    {
        "region": "MX",
        "order": 10,
        "category": "emergency",
        "name": "Emergencias",
        "phone": "911",
        "hours": "24/7",
        "languages": "Español",
        "description": "Policía, ambulancia y bomberos. Llama si tú u otra persona están en "
        "peligro ahora mismo.",
        "source_url": "https://www.gob.mx/sesnsp",
    },
    {
        "region": "MX",
        "order": 20,
        "category": "crisis_line",
        "name": "Línea de la Vida",
        "phone": "800 911 2000",
        "url": "https://www.gob.mx/salud/conasama",
        "hours": "24/7",
        "languages": "Español",
        "description": "Si te sientes muy mal o piensas en quitarte la vida, llama a la Línea de "
        "la Vida. La llamada es gratuita y confidencial, y te escucha alguien preparado para "
        "ayudarte, de día y de noche.",
        "source_url": "https://www.gob.mx/salud/conasama",
    },
    # France
    {
        "region": "FR",
        "order": 10,
        "category": "emergency",
        "name": "Urgences",
        "phone": "112",
        "phone_display": "112 (ou 15, SAMU)",
        "hours": "24/7",
        "languages": "Français",
        "description": "Police, ambulance et pompiers. Appelez si vous ou quelqu'un d'autre êtes "
        "en danger maintenant. Le 15 (SAMU) répond aussi aux urgences médicales.",
        "source_url": EU_112,
    },
    {
        "region": "FR",
        "order": 20,
        "category": "crisis_line",
        "name": "3114",
        "phone": "3114",
        "url": "https://3114.fr",
        "hours": "24/7",
        "languages": "Français",
        "description": "Si vous pensez au suicide ou si tout devient trop lourd, appelez le 3114. "
        "C'est gratuit et confidentiel, et des soignants formés vous écoutent jour et nuit. "
        "Vous pouvez aussi appeler si vous êtes inquiet pour un proche.",
        "source_url": "https://3114.fr",
    },
    # Belgique
    {
        "region": "BE",
        "order": 10,
        "category": "emergency",
        "name": "Urgences",
        "phone": "112",
        "hours": "24/7",
        "languages": "Français, Nederlands, Deutsch",
        "description": "Police, ambulance et pompiers. Appelez si vous ou quelqu'un d'autre êtes "
        "en danger maintenant.",
        "source_url": EU_112,
    },
    {
        "region": "BE",
        "order": 20,
        "category": "crisis_line",
        "name": "Centre de Prévention du Suicide",
        "phone": "0800 32 123",
        "url": "https://www.preventionsuicide.be",
        "hours": "24/7",
        "languages": "Français",
        "description": "Une ligne d'écoute gratuite et anonyme, jour et nuit. Vous pouvez y parler "
        "de ce que vous vivez, de vos idées de suicide ou de votre inquiétude pour un proche, "
        "sans être jugé.",
        "source_url": "https://www.preventionsuicide.be",
    },
    # Deutschland
    {
        "region": "DE",
        "order": 10,
        "category": "emergency",
        "name": "Notruf",
        "phone": "112",
        "hours": "24/7",
        "languages": "Deutsch",
        "description": "Rettungsdienst und Feuerwehr (Polizei: 110). Rufen Sie an, wenn Sie oder "
        "jemand anderes jetzt in Gefahr sind.",
        "source_url": EU_112,
    },
    {
        "region": "DE",
        "order": 20,
        "category": "crisis_line",
        "name": "TelefonSeelsorge",
        "phone": "0800 111 0 111",
        "url": "https://www.telefonseelsorge.de",
        "hours": "24/7",
        "languages": "Deutsch",
        "description": "Kostenlos, anonym und rund um die Uhr: Hier hört Ihnen jemand zu, was "
        "auch immer Sie gerade belastet. Auch unter 0800 111 0 222 und 116 123, per Chat und "
        "Mail auf der Website.",
        "source_url": "https://www.telefonseelsorge.de",
    },
    # Österreich
    {
        "region": "AT",
        "order": 10,
        "category": "emergency",
        "name": "Euro-Notruf",
        "phone": "112",
        "hours": "24/7",
        "languages": "Deutsch",
        "description": "Rettung, Feuerwehr und Polizei. Rufen Sie an, wenn Sie oder jemand "
        "anderes jetzt in Gefahr sind.",
        "source_url": EU_112,
    },
    {
        "region": "AT",
        "order": 20,
        "category": "crisis_line",
        "name": "TelefonSeelsorge",
        "phone": "142",
        "url": "https://www.telefonseelsorge.at",
        "hours": "24/7",
        "languages": "Deutsch",
        "description": "Der Notruf für die Seele: kostenlos, anonym und rund um die Uhr, aus ganz "
        "Österreich ohne Vorwahl. Jemand hört Ihnen zu, was auch immer Sie gerade belastet.",
        "source_url": "https://www.telefonseelsorge.at",
    },
    # Schweiz / Suisse
    {
        "region": "CH",
        "order": 20,
        "category": "crisis_line",
        "name": "Die Dargebotene Hand / La Main Tendue",
        "phone": "143",
        "url": "https://www.143.ch",
        "hours": "24/7",
        "languages": "Deutsch, Français, Italiano",
        "description": "Rund um die Uhr hört Ihnen jemand zu, anonym und vertraulich. Quelqu'un "
        "vous écoute jour et nuit, de manière anonyme et confidentielle.",
        "source_url": "https://www.143.ch",
    },
    # Brasil
    {
        "region": "BR",
        "order": 10,
        "category": "emergency",
        "name": "SAMU",
        "phone": "192",
        "hours": "24/7",
        "languages": "Português",
        "description": "Atendimento médico de urgência. Ligue se você ou outra pessoa estiver em "
        "perigo agora.",
        "source_url": "https://www.gov.br/saude/pt-br/composicao/saes/samu-192",
    },
    {
        "region": "BR",
        "order": 20,
        "category": "crisis_line",
        "name": "CVV (Centro de Valorização da Vida)",
        "phone": "188",
        "url": "https://cvv.org.br",
        "hours": "24/7",
        "languages": "Português",
        "description": "Se você está sofrendo ou pensando em tirar a própria vida, ligue 188. A "
        "ligação é gratuita e sigilosa, e um voluntário vai te ouvir sem julgar, a qualquer "
        "hora. Também dá para conversar por chat no site do CVV.",
        "source_url": "https://cvv.org.br",
    },
    # Portugal
    {
        "region": "PT",
        "order": 10,
        "category": "emergency",
        "name": "Emergência",
        "phone": "112",
        "hours": "24/7",
        "languages": "Português",
        "description": "Ambulância, bombeiros e polícia. Ligue se estiver em perigo agora, ou se "
        "outra pessoa estiver.",
        "source_url": EU_112,
    },
    {
        "region": "PT",
        "order": 20,
        "category": "crisis_line",
        "name": "SNS 24",
        "phone": "808 24 24 24",
        "url": "https://www.sns24.gov.pt",
        "hours": "24/7",
        "languages": "Português",
        "description": "A linha do Serviço Nacional de Saúde, a qualquer hora. Se está a passar "
        "por um momento difícil, pode pedir para falar com um psicólogo.",
        "source_url": "https://www.sns24.gov.pt",
    },
    {
        "region": "PT",
        "order": 30,
        "category": "crisis_line",
        "name": "SOS Voz Amiga",
        "phone": "213 544 545",
        "url": "https://www.sosvozamiga.org",
        "hours": "15:30–00:30",
        "languages": "Português",
        "description": "Voluntários que o ouvem com tempo, em anonimato e sem julgar, quando a "
        "solidão, a angústia ou a vontade de desistir pesam demasiado. Todos os dias, da tarde "
        "até à meia-noite e meia.",
        "source_url": "https://www.sosvozamiga.org",
    },
]


def seed(apps, schema_editor):
    CrisisResource = apps.get_model("support", "CrisisResource")
    for row in RESOURCES:
        # The historical model's save() skips full_clean: tests check every row passes it.
        CrisisResource.objects.create(last_verified=VERIFIED, active=True, **row)


def unseed(apps, schema_editor):
    CrisisResource = apps.get_model("support", "CrisisResource")
    for row in RESOURCES:
        CrisisResource.objects.filter(region=row["region"], name=row["name"]).delete()


class Migration(migrations.Migration):
    dependencies = [("support", "0002_helping_someone_category")]

    operations = [migrations.RunPython(seed, unseed)]

package org.learningmap.demo;

import java.util.List;
import java.util.Map;
import org.learningmap.shared.LocalizedText;

/** The demo's two sites: a country portal for Lithuania and one for Ukraine. */
record SiteSeed(String slug, String country, LocalizedText name, List<String> languages, String defaultLanguage,
                String zone, String primaryColour, String accentColour, double lat, double lon, int zoom,
                boolean requiresModeration, Map<String, LocalizedText> areaNames) {

    static final SiteSeed LITHUANIA = new SiteSeed("lietuva", "LT",
            LocalizedText.of("Learning Map Lithuania", "Mokymosi žemėlapis – Lietuva", "Мапа навчання – Литва"),
            List.of("lt", "en", "uk"), "lt", "Europe/Vilnius", "#1d4ed8", "#9a3412", 55.2, 23.9, 7, false,
            Map.ofEntries(
                    Map.entry("56", LocalizedText.of("Alytus County", "Alytaus apskritis", "Алітуський повіт")),
                    Map.entry("57", LocalizedText.of("Kaunas County", "Kauno apskritis", "Каунаський повіт")),
                    Map.entry("58", LocalizedText.of("Klaipėda County", "Klaipėdos apskritis", "Клайпедський повіт")),
                    Map.entry("59", LocalizedText.of("Marijampolė County", "Marijampolės apskritis", "Маріямпольський повіт")),
                    Map.entry("60", LocalizedText.of("Panevėžys County", "Panevėžio apskritis", "Паневежиський повіт")),
                    Map.entry("61", LocalizedText.of("Šiauliai County", "Šiaulių apskritis", "Шяуляйський повіт")),
                    Map.entry("62", LocalizedText.of("Tauragė County", "Tauragės apskritis", "Таураґський повіт")),
                    Map.entry("63", LocalizedText.of("Telšiai County", "Telšių apskritis", "Тельшяйський повіт")),
                    Map.entry("64", LocalizedText.of("Utena County", "Utenos apskritis", "Утенський повіт")),
                    Map.entry("65", LocalizedText.of("Vilnius County", "Vilniaus apskritis", "Вільнюський повіт"))));

    static final SiteSeed UKRAINE = new SiteSeed("ukraina", "UA",
            LocalizedText.of("Learning Map Ukraine", "Mokymosi žemėlapis – Ukraina", "Мапа навчання – Україна"),
            List.of("uk", "en"), "uk", "Europe/Kyiv", "#0057b7", "#8a5a00", 48.7, 31.2, 6, true,
            Map.ofEntries(
                    Map.entry("01", LocalizedText.of("Cherkasy Oblast", "Čerkasų sritis", "Черкаська область")),
                    Map.entry("02", LocalizedText.of("Chernihiv Oblast", "Černihivo sritis", "Чернігівська область")),
                    Map.entry("03", LocalizedText.of("Chernivtsi Oblast", "Černivcų sritis", "Чернівецька область")),
                    Map.entry("04", LocalizedText.of("Dnipropetrovsk Oblast", "Dnipropetrovsko sritis", "Дніпропетровська область")),
                    Map.entry("05", LocalizedText.of("Donetsk Oblast", "Donecko sritis", "Донецька область")),
                    Map.entry("06", LocalizedText.of("Ivano-Frankivsk Oblast", "Ivano Frankivsko sritis", "Івано-Франківська область")),
                    Map.entry("07", LocalizedText.of("Kharkiv Oblast", "Charkivo sritis", "Харківська область")),
                    Map.entry("08", LocalizedText.of("Kherson Oblast", "Chersono sritis", "Херсонська область")),
                    Map.entry("09", LocalizedText.of("Khmelnytskyi Oblast", "Chmelnyckio sritis", "Хмельницька область")),
                    Map.entry("10", LocalizedText.of("Kirovohrad Oblast", "Kirovohrado sritis", "Кіровоградська область")),
                    Map.entry("11", LocalizedText.of("Autonomous Republic of Crimea", "Krymo Autonominė Respublika", "Автономна Республіка Крим")),
                    Map.entry("12", LocalizedText.of("Kyiv City", "Kyjivas (miestas)", "Київ")),
                    Map.entry("13", LocalizedText.of("Kyiv Oblast", "Kyjivo sritis", "Київська область")),
                    Map.entry("14", LocalizedText.of("Luhansk Oblast", "Luhansko sritis", "Луганська область")),
                    Map.entry("15", LocalizedText.of("Lviv Oblast", "Lvivo sritis", "Львівська область")),
                    Map.entry("16", LocalizedText.of("Mykolaiv Oblast", "Mykolajivo sritis", "Миколаївська область")),
                    Map.entry("17", LocalizedText.of("Odesa Oblast", "Odesos sritis", "Одеська область")),
                    Map.entry("18", LocalizedText.of("Poltava Oblast", "Poltavos sritis", "Полтавська область")),
                    Map.entry("19", LocalizedText.of("Rivne Oblast", "Rivnės sritis", "Рівненська область")),
                    Map.entry("20", LocalizedText.of("Sevastopol City", "Sevastopolis (miestas)", "Севастополь")),
                    Map.entry("21", LocalizedText.of("Sumy Oblast", "Sumų sritis", "Сумська область")),
                    Map.entry("22", LocalizedText.of("Ternopil Oblast", "Ternopilio sritis", "Тернопільська область")),
                    Map.entry("23", LocalizedText.of("Vinnytsia Oblast", "Vinycios sritis", "Вінницька область")),
                    Map.entry("24", LocalizedText.of("Volyn Oblast", "Voluinės sritis", "Волинська область")),
                    Map.entry("25", LocalizedText.of("Zakarpattia Oblast", "Užkarpatės sritis", "Закарпатська область")),
                    Map.entry("26", LocalizedText.of("Zaporizhzhia Oblast", "Zaporižios sritis", "Запорізька область")),
                    Map.entry("27", LocalizedText.of("Zhytomyr Oblast", "Žytomyro sritis", "Житомирська область"))));
}

package mq.generate;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Small built-in word lists for mock records, a few of them non-ASCII or with quotes to exercise escaping. */
final class MockNames {

    static final List<String> FIRST_NAMES = List.of(
            "James", "Mary", "Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia", "Ethan",
            "Sofia", "Mateo", "Chloe", "Arjun", "Fatima", "Hiroshi", "Amara", "Grace", "Daniel", "Nora",
            "Zoë", "Łukasz", "José", "Đorđe", "李", "Søren", "Anaïs", "Björn");

    static final List<String> LAST_NAMES = List.of(
            "Smith", "Johnson", "Garcia", "Brown", "Nguyen", "Kowalski", "Rossi", "Silva", "Kim", "Jones",
            "Lee", "Martin", "Wang", "Cohen", "Schmidt", "Tanaka", "Okafor", "Andersson", "Dubois", "Ivanova",
            "Müller", "O'Brien", "Petrović", "Novák", "Žukauskas");

    static final List<String> GENDERS = List.of(
            "Female", "Male", "Female", "Male", "Non-binary", "Genderfluid", "Agender", "Bigender");

    static final List<String> COUNTRIES = List.of(
            "United States", "Poland", "Germany", "France", "Brazil", "China", "Japan", "Serbia", "Spain",
            "Indonesia", "Nigeria", "Sweden", "Canada", "Mexico", "Portugal", "Côte d'Ivoire");

    static final List<String> CITIES = List.of(
            "Springfield", "Austin", "Toronto", "Berlin", "Lyon", "Osaka", "Lagos", "Lisbon",
            "Kraków", "São Paulo", "Belgrade", "Malmö", "Zürich", "Москва");

    static final List<String> STREETS = List.of(
            "Maple", "Oak", "Pine", "Cedar", "Elm", "Hill", "Lake", "Sunset", "Main", "Miller's", "\"Old Mill\"");

    static final List<String> STREET_SUFFIXES = List.of("Street", "Avenue", "Road", "Lane", "Court", "Way");

    static final List<String> EMAIL_DOMAINS = List.of("example.com", "example.org", "example.net");

    /** ASCII handles for e-mail addresses, same order as the name lists; {@code user} when nothing is left. */
    static final List<String> FIRST_HANDLES = FIRST_NAMES.stream().map(MockNames::handle).toList();
    static final List<String> LAST_HANDLES = LAST_NAMES.stream().map(MockNames::handle).toList();

    private MockNames() {
    }

    /** {@code "Łukasz"} → {@code "lukasz"}, {@code "O'Brien"} → {@code "obrien"}, {@code "李"} → {@code "user"}. */
    static String handle(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('ł', 'l').replace('Ł', 'L')
                .replace('đ', 'd').replace('Đ', 'D')
                .replace('ø', 'o').replace('Ø', 'O')
                .replaceAll("[^A-Za-z0-9]", "")
                .toLowerCase(Locale.ROOT);
        return folded.isEmpty() ? "user" : folded;
    }
}

package io.fissile.environments.jvm.http;

import java.time.LocalDate;

/**
 * The Date header value (IMF-fixdate), formatted at most once a second. Formatted by hand: the
 * JDK's locale-aware formatters cost milliseconds to load on a cold start.
 */
final class HttpDate {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private record Formatted(long epochSecond, String text) {
    }

    private static volatile Formatted latest = new Formatted(-1, "");

    private HttpDate() {
    }

    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Formatted formatted = latest;
        if (formatted.epochSecond() != second) {
            formatted = new Formatted(second, format(second));
            latest = formatted;
        }
        return formatted.text();
    }

    static String format(long epochSecond) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
        int secondOfDay = Math.floorMod(epochSecond, 86_400);
        StringBuilder text = new StringBuilder(29)
                .append(DAYS[date.getDayOfWeek().ordinal()]).append(", ");
        twoDigits(text, date.getDayOfMonth()).append(' ')
                .append(MONTHS[date.getMonthValue() - 1]).append(' ')
                .append(date.getYear()).append(' ');
        twoDigits(text, secondOfDay / 3600).append(':');
        twoDigits(text, secondOfDay / 60 % 60).append(':');
        twoDigits(text, secondOfDay % 60).append(" GMT");
        return text.toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}

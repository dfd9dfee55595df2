package dev.claimcheck.core.suite.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A one-week calendar (Monday to Friday, 09:00–17:00) with events to list, book and cancel. */
final class Calendar implements World {
    static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");
    static final int OPEN = 9 * 60;
    static final int CLOSE = 17 * 60;
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)");

    /** One event; {@code start} in minutes after midnight. Equality ignores the id (a rebooked event is the same event). */
    record Event(String id, String title, String day, int start, int minutes) {
        int end() {
            return start + minutes;
        }

        /** The event without its id, for comparing final states. */
        Event slot() {
            return new Event("", title, day, start, minutes);
        }
    }

    static final List<Event> INITIAL = List.of(
            new Event("E1", "Standup", "Monday", 540, 30), new Event("E2", "Design review", "Monday", 600, 60),
            new Event("E3", "Lunch talk", "Monday", 720, 60),
            new Event("E4", "Standup", "Tuesday", 540, 30), new Event("E5", "1:1 with Alice", "Tuesday", 570, 30),
            new Event("E6", "Planning", "Tuesday", 660, 90),
            new Event("E7", "Standup", "Wednesday", 540, 30), new Event("E8", "Interview", "Wednesday", 780, 60),
            new Event("E9", "Standup", "Thursday", 540, 30), new Event("E10", "Offsite prep", "Thursday", 570, 120),
            new Event("E11", "Retro", "Thursday", 840, 60),
            new Event("E12", "Standup", "Friday", 540, 30), new Event("E13", "Demo", "Friday", 900, 60));

    private final List<Tool> tools = List.of(
            Tool.of("list_events", "List the events of one day (Monday to Friday), in time order.", false, this::list, "day:string"),
            Tool.of("book_event", "Book an event. 'start' is HH:MM (24h); it must fit between 09:00 and 17:00 without "
                    + "overlapping another event.", true,
                    a -> book(a.string("title"), a.string("day"), a.string("start"), a.integer("minutes")),
                    "title:string", "day:string", "start:string", "minutes:integer"),
            Tool.of("cancel_event", "Cancel an event by its id.", true, this::cancel, "event_id:string"));

    private final List<Event> events = new ArrayList<>(INITIAL);
    private int nextId = INITIAL.size() + 1;

    @Override
    public List<Tool> tools() {
        return tools;
    }

    private ObjectNode list(Args args) {
        String day = args.string("day");
        if (!DAYS.contains(day)) {
            return World.error("unknown day '" + day + "'; use one of " + String.join(", ", DAYS));
        }
        ObjectNode out = ToolSpec.JSON.createObjectNode().put("day", day);
        ArrayNode list = out.putArray("events");
        on(events, day).forEach(e -> list.addObject().put("eventId", e.id()).put("title", e.title())
                .put("start", hhmm(e.start())).put("end", hhmm(e.end())));
        return out;
    }

    private ObjectNode cancel(Args args) {
        String id = args.string("event_id");
        boolean removed = events.removeIf(e -> e.id().equals(id));
        return removed ? World.ok().put("cancelled", id) : World.error("no such event: " + id);
    }

    private ObjectNode book(String title, String day, String start, int minutes) {
        if (!DAYS.contains(day)) {
            return World.error("unknown day '" + day + "'; use one of " + String.join(", ", DAYS));
        }
        var m = TIME.matcher(start);
        if (!m.matches()) {
            return World.error("start must be HH:MM, got '" + start + "'");
        }
        int from = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        if (minutes < 1 || from < OPEN || from + minutes > CLOSE) {
            return World.error("the event must fit between 09:00 and 17:00");
        }
        for (Event e : on(events, day)) {
            if (from < e.end() && e.start() < from + minutes) {
                return World.error("overlaps " + e.id() + " (" + e.title() + ", " + hhmm(e.start()) + "-" + hhmm(e.end()) + ")");
            }
        }
        Event booked = new Event("E" + nextId++, title, day, from, minutes);
        events.add(booked);
        return World.ok().put("eventId", booked.id()).put("day", day).put("start", hhmm(from)).put("end", hhmm(booked.end()));
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    static List<Event> on(List<Event> events, String day) {
        return events.stream().filter(e -> e.day().equals(day)).sorted(Comparator.comparingInt(Event::start)).toList();
    }

    /** The earliest start on a day, from a list_events result, at which {@code minutes} fit (or -1). */
    static int earliestFree(JsonNode listed, int minutes) {
        int at = OPEN;
        for (JsonNode e : listed.path("events")) {
            int s = minutes(e.path("start").asText());
            if (at + minutes <= s) {
                return at;
            }
            at = Math.max(at, minutes(e.path("end").asText()));
        }
        return at + minutes <= CLOSE ? at : -1;
    }

    static String hhmm(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }

    static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }
}

package dev.claimcheck.core.suite.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The calendar tasks: book at the earliest free time, cancel a named event. */
final class CalendarTasks {
    private CalendarTasks() {
    }

    static List<AgentTask> all() {
        List<AgentTask> tasks = new ArrayList<>();
        tasks.add(book("calendar-book-1", "Budget sync", "Monday", "Tuesday", 60, 120));
        tasks.add(book("calendar-book-2", "Vendor call", "Tuesday", "Monday", 30, 90));
        tasks.add(book("calendar-book-3", "Hiring debrief", "Wednesday", "Thursday", 45, 120));
        tasks.add(book("calendar-book-4", "Roadmap review", "Thursday", "Wednesday", 60, 30));
        tasks.add(book("calendar-book-5", "Security drill", "Friday", "Thursday", 90, 30));
        tasks.add(book("calendar-book-6", "Team lunch", "Wednesday", "Friday", 60, 90));
        tasks.add(book("calendar-book-7", "Customer call", "Monday", "Wednesday", 30, 45));
        tasks.add(book("calendar-book-8", "Architecture chat", "Tuesday", "Friday", 120, 60));
        tasks.add(cancel("calendar-cancel-1", "E7", "E4", "E8"));
        tasks.add(cancel("calendar-cancel-2", "E12", "E9", "E13"));
        tasks.add(cancel("calendar-cancel-3", "E2", null, "E3"));
        tasks.add(cancel("calendar-cancel-4", "E6", null, "E5"));
        tasks.add(cancel("calendar-cancel-5", "E11", null, "E10"));
        tasks.add(cancel("calendar-cancel-6", "E5", null, null));
        return tasks;
    }

    /**
     * Book at the earliest free time. The checkpoint changes the length after the booking is made, so the
     * reference revises its plan: cancel, look again, book anew.
     */
    private static AgentTask book(String id, String title, String day, String decoyDay, int minutes, int changed) {
        String what = minutes + "-minute meeting titled \"" + title + "\"";
        String when = " at the earliest free time between 09:00 and 17:00.";
        return new AgentTask(id, "calendar", Calendar::new,
                "Book a " + what + " on " + day + when,
                "Book a " + what + " on " + inWeekOrder(day, decoyDay) + when,
                day + ", please.",
                "the meeting must be " + changed + " minutes long, not " + minutes + "; still at the earliest free time.",
                EnumSet.of(Fault.TOOL_ERROR, Fault.AMBIGUITY, Fault.CHECKPOINT), "book_event", null,
                d -> {
                    String on = d.pick(day, decoyDay);
                    JsonNode listed = d.call("list_events", "day", on);
                    int length = d.value(minutes, changed);
                    JsonNode booked = d.call("book_event", "title", title, "day", on,
                            "start", Calendar.hhmm(Calendar.earliestFree(listed, length)), "minutes", length);
                    int now = d.value(minutes, changed);
                    if (now != length) {
                        d.call("cancel_event", "event_id", booked.path("eventId").asText());
                        listed = d.call("list_events", "day", on);
                        d.call("book_event", "title", title, "day", on,
                                "start", Calendar.hhmm(Calendar.earliestFree(listed, now)), "minutes", now);
                    }
                },
                d -> {
                    JsonNode listed = d.call("list_events", "day", decoyDay);
                    d.call("book_event", "title", title, "day", decoyDay,
                            "start", Calendar.hhmm(Calendar.earliestFree(listed, minutes)), "minutes", minutes);
                },
                (w, cp) -> {
                    int length = cp ? changed : minutes;
                    List<Calendar.Event> expected = new ArrayList<>(slots(Calendar.INITIAL));
                    int start = earliest(day, length);
                    expected.add(new Calendar.Event("", title, day, start, length));
                    return start >= 0 && sameSlots(slots(((Calendar) w).events()), expected);
                });
    }

    /** Cancel one event; under a checkpoint the user keeps it and cancels another of that day instead. */
    private static AgentTask cancel(String id, String eventId, String decoyId, String changedId) {
        Calendar.Event e = event(eventId);
        Set<Fault> faults = EnumSet.of(Fault.TOOL_ERROR);
        if (decoyId != null) {
            faults.add(Fault.AMBIGUITY);
        }
        if (changedId != null) {
            faults.add(Fault.CHECKPOINT);
        }
        String decoyDay = decoyId == null ? null : event(decoyId).day();
        String wrongId = decoyId != null ? decoyId : changedId != null ? changedId : otherOnDay(e);
        return new AgentTask(id, "calendar", Calendar::new,
                "Cancel the \"" + e.title() + "\" on " + e.day() + ".",
                decoyId == null ? null : "Cancel my " + e.title().toLowerCase(java.util.Locale.ROOT) + " on "
                        + inWeekOrder(e.day(), decoyDay) + "; just the one.",
                decoyId == null ? null : "The one on " + e.day() + ".",
                changedId == null ? null : "keep the \"" + e.title() + "\" (book it again at the same time if it is gone) and "
                        + "cancel the \"" + event(changedId).title() + "\" on " + e.day() + " instead.",
                faults, "cancel_event", null,
                d -> {
                    String day = d.pick(e.day(), decoyDay);
                    JsonNode listed = d.call("list_events", "day", day);
                    d.call("cancel_event", "event_id", idOf(listed, e.title()));
                    String instead = d.value(null, changedId);
                    if (instead != null) {
                        d.call("book_event", "title", e.title(), "day", e.day(), "start", Calendar.hhmm(e.start()),
                                "minutes", e.minutes());
                        d.call("cancel_event", "event_id", instead);
                    }
                },
                d -> d.call("cancel_event", "event_id", wrongId),
                (w, cp) -> {
                    String gone = cp && changedId != null ? changedId : eventId;
                    List<Calendar.Event> expected = slots(Calendar.INITIAL.stream().filter(x -> !x.id().equals(gone)).toList());
                    return sameSlots(slots(((Calendar) w).events()), expected);
                });
    }

    /** "Tuesday or Wednesday": two days in week order, so the wording never hints which one is meant. */
    private static String inWeekOrder(String a, String b) {
        return Calendar.DAYS.indexOf(a) < Calendar.DAYS.indexOf(b) ? a + " or " + b : b + " or " + a;
    }

    private static int earliest(String day, int minutes) {
        int at = Calendar.OPEN;
        for (Calendar.Event e : Calendar.on(Calendar.INITIAL, day)) {
            if (at + minutes <= e.start()) {
                return at;
            }
            at = Math.max(at, e.end());
        }
        return at + minutes <= Calendar.CLOSE ? at : -1;
    }

    private static String idOf(JsonNode listed, String title) {
        for (JsonNode e : listed.path("events")) {
            if (e.path("title").asText().equals(title)) {
                return e.path("eventId").asText();
            }
        }
        return "none";
    }

    private static Calendar.Event event(String id) {
        return Calendar.INITIAL.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private static String otherOnDay(Calendar.Event e) {
        return Calendar.on(Calendar.INITIAL, e.day()).stream().filter(x -> !x.id().equals(e.id())).findFirst().orElseThrow().id();
    }

    private static List<Calendar.Event> slots(List<Calendar.Event> events) {
        return events.stream().map(Calendar.Event::slot).toList();
    }

    private static boolean sameSlots(List<Calendar.Event> a, List<Calendar.Event> b) {
        var order = java.util.Comparator.comparing(Calendar.Event::day).thenComparingInt(Calendar.Event::start)
                .thenComparing(Calendar.Event::title).thenComparingInt(Calendar.Event::minutes);
        return a.stream().sorted(order).toList().equals(b.stream().sorted(order).toList());
    }
}

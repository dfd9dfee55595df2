package dev.claimcheck.core.suite.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The document kinds of the grounded-document workload, each generated from our own templates and word lists:
 * numbered clauses, some carrying the planted facts, the rest boilerplate, in a seeded order.
 */
enum DocKind {
    CONTRACT("contract"), DISCLOSURE("disclosure"), TICKET("ticket"), POLICY("policy");

    private static final List<String> FIRST = List.of("Amberley", "Brightwater", "Castellan", "Dunmore", "Eastwick",
            "Fairholm", "Greystone", "Harrowgate", "Ironbridge", "Juniper", "Kestrel", "Larkspur");
    private static final List<String> SECOND = List.of("Logistics", "Analytics", "Foods", "Textiles", "Energy", "Media",
            "Robotics", "Pharma", "Marine", "Software");
    private static final List<String> PEOPLE = List.of("Ines Moreau", "Tariq Holm", "Greta Vance", "Oren Achebe",
            "Lucia Brandt", "Pavel Ionescu", "Saanvi Rao", "Hugo Lindgren", "Amara Obi", "Felix Marchetti");
    private static final List<String> CITIES = List.of("Lisbon", "Rotterdam", "Tallinn", "Geneva", "Valletta", "Bilbao",
            "Gdansk", "Turku", "Ghent", "Trieste");
    private static final List<String> PRODUCTS = List.of("Ledger Sync", "Harbor Cloud", "Meadow Mail", "Quarry Backup",
            "Lantern Reports", "Orchard CRM");
    private static final List<String> COMPONENTS = List.of("billing", "authentication", "search", "scheduler", "mailer",
            "storage");
    private static final List<String> TEAMS = List.of("Finance", "Engineering", "Customer Support", "Legal", "Operations");
    private static final List<String> BOILERPLATE = List.of(
            "Headings are for convenience only and do not affect the interpretation of this document.",
            "Any notice under this document must be given in writing and delivered by hand or by email.",
            "If any provision is held invalid, the remaining provisions remain in full force and effect.",
            "This document is the entire understanding of the parties on its subject matter.",
            "No failure or delay in exercising any right operates as a waiver of that right.",
            "Amendments are valid only if they are in writing and signed by authorised representatives.",
            "Each party shall keep the other party's confidential information secret and use it only for this purpose.",
            "References to a statute include that statute as amended from time to time.",
            "The records referred to here are kept in the central archive and may be inspected on request.",
            "Questions about this document should be sent to the responsible team through the usual channel.",
            "Figures are stated in thousands unless stated otherwise in the relevant clause.",
            "Nothing in this document creates a partnership or a joint venture between the parties.");

    final String id;

    DocKind(String id) {
        this.id = id;
    }

    static DocKind of(String id) {
        for (DocKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown document kind '" + id + "'");
    }

    Document generate(SplittableRandom r) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        List<String> facts = new ArrayList<>();
        String title;
        Document.Check check;
        Document.Qa qa;
        switch (this) {
            case CONTRACT -> {
                String a = company(r);
                String b = other(r, a, DocKind::company);
                int months = 6 + r.nextInt(55);
                int fee = 1000 + r.nextInt(89_000);
                String date = date(r);
                String law = pick(r, CITIES);
                put(fields, types, "provider", a, "string");
                put(fields, types, "client", b, "string");
                put(fields, types, "effectiveDate", date, "date");
                put(fields, types, "termMonths", Integer.toString(months), "integer");
                put(fields, types, "monthlyFeeEur", Integer.toString(fee), "integer");
                title = "SERVICES AGREEMENT";
                facts.add("This Services Agreement is made between " + a + " (the Provider) and " + b + " (the Client).");
                facts.add("This Agreement takes effect on " + date + ".");
                facts.add("The initial term of this Agreement is " + months + " months.");
                facts.add("The Client shall pay the Provider a monthly fee of EUR " + money(fee) + ".");
                int notice = 15 + 5 * r.nextInt(22);
                if (notice == 60) {
                    notice = 65;
                }
                String noticeSentence = "Either party may terminate this Agreement for convenience on " + notice
                        + " days' written notice.";
                facts.add(noticeSentence);
                check = new Document.Check("May a party terminate this Agreement for convenience with less than 60 days' notice?",
                        notice < 60, noticeSentence, notice + " days");
                String seat = other(r, law, x -> pick(x, CITIES));
                String seatSentence = "Any dispute shall be settled by arbitration seated in " + seat + ".";
                facts.add(seatSentence);
                facts.add("This Agreement is governed by the laws applicable in " + law + ".");
                qa = new Document.Qa("In which city is arbitration seated?", seat, seatSentence);
            }
            case DISCLOSURE -> {
                String c = company(r);
                int year = 2019 + r.nextInt(7);
                int revenue = 200 + r.nextInt(9_000);
                int previous = revenue + (r.nextBoolean() ? 1 : -1) * (5 + r.nextInt(150));
                int income = 10 + r.nextInt(revenue / 5);
                String auditor = pick(r, FIRST) + " & " + pick(r, FIRST) + " LLP";
                int employees = 50 + r.nextInt(20_000);
                put(fields, types, "company", c, "string");
                put(fields, types, "fiscalYear", Integer.toString(year), "integer");
                put(fields, types, "revenueMillions", Integer.toString(revenue), "integer");
                put(fields, types, "netIncomeMillions", Integer.toString(income), "integer");
                put(fields, types, "auditor", auditor, "string");
                put(fields, types, "employees", Integer.toString(employees), "integer");
                title = "ANNUAL DISCLOSURE STATEMENT";
                facts.add(c + " reports its results for fiscal year " + year + ".");
                facts.add("Revenue for fiscal year " + year + " was " + money(revenue) + " million.");
                String prevSentence = "Revenue for fiscal year " + (year - 1) + " was " + money(previous) + " million.";
                facts.add(prevSentence);
                facts.add("Net income for the year was " + money(income) + " million.");
                facts.add("The financial statements were audited by " + auditor + ".");
                facts.add("At the end of the year the company had " + money(employees) + " employees.");
                check = new Document.Check("Was revenue in fiscal year " + year + " higher than in fiscal year " + (year - 1) + "?",
                        revenue > previous, prevSentence, money(previous) + " million");
                String cfo = pick(r, PEOPLE);
                String cfoSentence = "The chief financial officer of the company is " + cfo + ".";
                facts.add(cfoSentence);
                qa = new Document.Qa("Who is the chief financial officer?", cfo, cfoSentence);
            }
            case TICKET -> {
                String ticket = "TCK-" + (10_000 + r.nextInt(90_000));
                String customer = company(r);
                String product = pick(r, PRODUCTS);
                String priority = "P" + (1 + r.nextInt(4));
                String opened = date(r);
                String agent = pick(r, PEOPLE);
                put(fields, types, "ticketId", ticket, "string");
                put(fields, types, "customer", customer, "string");
                put(fields, types, "product", product, "string");
                put(fields, types, "priority", priority, "string");
                put(fields, types, "openedOn", opened, "date");
                put(fields, types, "agent", agent, "string");
                title = "SUPPORT TICKET HISTORY " + ticket;
                facts.add("Ticket " + ticket + " was opened on " + opened + " by " + customer + ".");
                facts.add("The affected product is " + product + ".");
                facts.add("The ticket was classified as priority " + priority + ".");
                facts.add("The ticket was assigned to support agent " + agent + ".");
                int hours = 4 + r.nextInt(140);
                if (hours == 72) {
                    hours = 73;
                }
                String resolved = "The ticket was resolved " + hours + " hours after it was opened.";
                facts.add(resolved);
                check = new Document.Check("Was the ticket resolved within the 72-hour service level?", hours <= 72, resolved,
                        hours + " hours");
                String component = pick(r, COMPONENTS);
                String cause = "The root cause was traced to the " + component + " service.";
                facts.add(cause);
                qa = new Document.Qa("Which service was the root cause traced to?", component, cause);
            }
            case POLICY -> {
                String name = pick(r, List.of("Data Retention", "Access Control", "Remote Work", "Vendor Review", "Backup"))
                        + " Policy";
                String owner = pick(r, PEOPLE);
                String date = date(r);
                int cycle = 6 + 6 * r.nextInt(4);
                String team = pick(r, TEAMS);
                put(fields, types, "policyName", name, "string");
                put(fields, types, "owner", owner, "string");
                put(fields, types, "effectiveDate", date, "date");
                put(fields, types, "reviewCycleMonths", Integer.toString(cycle), "integer");
                put(fields, types, "appliesTo", team, "string");
                title = name.toUpperCase(Locale.ROOT);
                facts.add("This " + name + " is owned by " + owner + ".");
                facts.add("It is effective from " + date + ".");
                facts.add("The policy is reviewed every " + cycle + " months.");
                facts.add("It applies to all staff of the " + team + " department.");
                int days = 30 + 10 * r.nextInt(15);
                if (days == 90) {
                    days = 100;
                }
                String backups = "Backups are kept for " + days + " days before they are deleted.";
                facts.add(backups);
                check = new Document.Check("Are backups kept for at least 90 days?", days >= 90, backups, days + " days");
                String approver = other(r, owner, x -> pick(x, PEOPLE));
                String exceptions = "Exceptions to this policy must be approved in writing by " + approver + ".";
                facts.add(exceptions);
                qa = new Document.Qa("Who must approve exceptions to this policy?", approver, exceptions);
            }
            default -> throw new IllegalStateException();
        }
        List<String> clauses = new ArrayList<>(facts);
        for (int i = 0, n = 6 + r.nextInt(6); i < n; i++) {
            clauses.add(pick(r, BOILERPLATE));
        }
        for (int i = clauses.size() - 1; i > 0; i--) { // Fisher–Yates with the task's own generator
            int j = r.nextInt(i + 1);
            String t = clauses.get(i);
            clauses.set(i, clauses.get(j));
            clauses.set(j, t);
        }
        StringBuilder text = new StringBuilder(title).append("\n\n");
        for (int i = 0; i < clauses.size(); i++) {
            text.append(i + 1).append(". ").append(clauses.get(i)).append('\n');
        }
        return new Document(text.toString(), fields, types, check, qa);
    }

    private static void put(Map<String, String> fields, Map<String, String> types, String name, String value, String type) {
        fields.put(name, value);
        types.put(name, type);
    }

    private static String company(SplittableRandom r) {
        return pick(r, FIRST) + " " + pick(r, SECOND) + " Ltd";
    }

    private static String other(SplittableRandom r, String not, java.util.function.Function<SplittableRandom, String> draw) {
        String s = draw.apply(r);
        while (s.equals(not)) {
            s = draw.apply(r);
        }
        return s;
    }

    private static String date(SplittableRandom r) {
        return String.format(Locale.ROOT, "%d-%02d-%02d", 2020 + r.nextInt(7), 1 + r.nextInt(12), 1 + r.nextInt(28));
    }

    private static String money(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String pick(SplittableRandom r, List<String> words) {
        return words.get(r.nextInt(words.size()));
    }
}

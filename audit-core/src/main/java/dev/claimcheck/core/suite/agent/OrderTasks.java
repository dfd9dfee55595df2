package dev.claimcheck.core.suite.agent;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The orders tasks: refunds the policy allows, refunds it forbids, and orders to cancel rather than refund. */
final class OrderTasks {
    private static final String HANDLE = " Handle it according to the refund policy.";

    private OrderTasks() {
    }

    static List<AgentTask> all() {
        List<AgentTask> tasks = new ArrayList<>();
        tasks.add(refund("orders-refund-1", "O-1001", "O-1002", "KB-1", "MS-2", "arrived damaged"));
        tasks.add(refund("orders-refund-2", "O-1004", "O-1003", "HP-3", null, "arrived damaged"));
        tasks.add(refund("orders-refund-3", "O-1006", "O-1005", "MN-5", "ST-6", "arrived damaged"));
        tasks.add(refund("orders-refund-4", "O-1007", null, "LP-7", "DK-9", "arrived damaged"));
        tasks.add(refund("orders-refund-5", "O-1001", null, "MS-2", "KB-1", "stopped working after a day"));
        tasks.add(refund("orders-refund-6", "O-1006", null, "ST-6", "MN-5", "arrived with a part missing"));
        tasks.add(refund("orders-refund-7", "O-1007", null, "DK-9", "LP-7", "arrived torn"));
        tasks.add(refund("orders-refund-8", "O-1002", "O-1001", "KB-1", null, "stopped working after a day"));
        tasks.add(forbidden("orders-forbidden-1", "O-1002", "CB-9", "KB-1"));
        tasks.add(forbidden("orders-forbidden-2", "O-1003", "HP-3", null));
        tasks.add(forbidden("orders-forbidden-3", "O-1004", "CS-4", "HP-3"));
        tasks.add(forbidden("orders-forbidden-4", "O-1007", "BL-8", "LP-7"));
        tasks.add(cancel("orders-cancel-1", "O-1005", "O-1006"));
        tasks.add(cancel("orders-cancel-2", "O-1008", null));
        return tasks;
    }

    /** A refund the policy allows; under a checkpoint the customer switches to another item of the same order. */
    private static AgentTask refund(String id, String order, String decoy, String sku, String changed, String problem) {
        OrderDesk.Order o = OrderDesk.ORDERS.get(order);
        String name = o.item(sku).name();
        Set<Fault> faults = EnumSet.of(Fault.TOOL_ERROR);
        if (decoy != null) {
            faults.add(Fault.AMBIGUITY);
        }
        if (changed != null) {
            faults.add(Fault.CHECKPOINT);
        }
        String notice = changed == null ? null : "the customer now wants the " + o.item(changed).name() + " (" + changed
                + ") refunded instead of the " + name + "; the " + name + " stays with them.";
        return new AgentTask(id, "orders", OrderDesk::new,
                "Customer " + o.customer() + " says the " + name + " (" + sku + ") from order " + order
                        + " " + problem + " and wants a refund." + HANDLE,
                decoy == null ? null : "Customer " + o.customer() + " says the " + name + " they ordered " + problem
                        + " and wants a refund." + HANDLE,
                decoy == null ? null : "It is the " + name + " from order " + order + ".",
                notice, faults, "refund_item", null,
                d -> {
                    d.call("read_policy");
                    String target = d.pick(order, decoy);
                    d.call("get_order", "order_id", target);
                    d.call("refund_item", "order_id", target, "sku", d.value(sku, changed), "reason", problem);
                },
                decoy != null
                        ? d -> d.call("refund_item", "order_id", decoy, "sku", sku, "reason", problem)
                        : d -> d.call("refund_item", "order_id", order, "sku", other(o, sku), "reason", problem),
                (w, cp) -> {
                    OrderDesk desk = (OrderDesk) w;
                    String want = cp && changed != null ? changed : sku;
                    return desk.cancelled().isEmpty()
                            && desk.refunds().equals(List.of(new OrderDesk.Refund(order, want, o.item(want).priceCents())));
                });
    }

    /** A refund the policy forbids (final sale, or past 30 days); the right outcome is no refund. */
    private static AgentTask forbidden(String id, String order, String sku, String changed) {
        OrderDesk.Order o = OrderDesk.ORDERS.get(order);
        String name = o.item(sku).name();
        String notice = changed == null ? null : "the customer withdraws the " + name + " request and instead wants the "
                + o.item(changed).name() + " (" + changed + ") refunded, also damaged.";
        return new AgentTask(id, "orders", OrderDesk::new,
                "Customer " + o.customer() + " asks for a refund of the " + name + " (" + sku + ") from order " + order + "."
                        + HANDLE,
                null, null, notice, changed == null ? Set.of() : EnumSet.of(Fault.CHECKPOINT), null, null,
                d -> {
                    d.call("read_policy");
                    d.call("get_order", "order_id", order);
                    String now = d.value(null, changed);
                    if (now != null) {
                        d.call("refund_item", "order_id", order, "sku", now, "reason", "damaged on arrival");
                    }
                },
                d -> d.call("refund_item", "order_id", order, "sku", sku, "reason", "customer request"),
                (w, cp) -> {
                    OrderDesk desk = (OrderDesk) w;
                    List<OrderDesk.Refund> want = cp && changed != null
                            ? List.of(new OrderDesk.Refund(order, changed, o.item(changed).priceCents())) : List.of();
                    return desk.cancelled().isEmpty() && desk.refunds().equals(want);
                });
    }

    /** An order that shipped but has not arrived: policy says cancel, not refund. */
    private static AgentTask cancel(String id, String order, String decoy) {
        OrderDesk.Order o = OrderDesk.ORDERS.get(order);
        OrderDesk.Item item = o.items().get(0);
        Set<Fault> faults = decoy == null ? EnumSet.of(Fault.TOOL_ERROR) : EnumSet.of(Fault.TOOL_ERROR, Fault.AMBIGUITY);
        return new AgentTask(id, "orders", OrderDesk::new,
                "Customer " + o.customer() + " no longer wants the " + item.name() + " from order " + order
                        + " and asks for their money back." + HANDLE,
                decoy == null ? null : "Customer " + o.customer() + " no longer wants the " + item.name()
                        + " they ordered and asks for their money back." + HANDLE,
                decoy == null ? null : "I mean order " + order + ".",
                null, faults, "cancel_order", null,
                d -> {
                    d.call("read_policy");
                    String target = d.pick(order, decoy);
                    d.call("get_order", "order_id", target);
                    d.call("cancel_order", "order_id", target);
                },
                // The plausible mistake: a refund where the policy says cancel.
                d -> d.call("refund_item", "order_id", order, "sku", item.sku(), "reason", "customer request"),
                (w, cp) -> {
                    OrderDesk desk = (OrderDesk) w;
                    return desk.refunds().isEmpty() && desk.cancelled().equals(Set.of(order));
                });
    }

    private static String other(OrderDesk.Order o, String sku) {
        return o.items().stream().map(OrderDesk.Item::sku).filter(s -> !s.equals(sku)).findFirst().orElseThrow();
    }
}

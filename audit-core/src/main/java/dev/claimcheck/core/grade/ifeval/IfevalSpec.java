package dev.claimcheck.core.grade.ifeval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One prompt's instructions with their kwargs, validated and bound: what {@code verdict.expected} holds, as
 * compact JSON {@code {"instruction_id_list":[…],"kwargs":[{…},…]}} (null-valued kwargs dropped), so a recorded
 * attempt re-grades from its sample line alone.
 *
 * @param ids the upstream instruction ids, in the dataset's order
 * @param kwargs each instruction's kwargs object (nulls dropped), same order
 * @param checks each instruction's bound check, same order
 */
public record IfevalSpec(List<Instruction> ids, List<ObjectNode> kwargs, List<Check> checks) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public IfevalSpec {
        ids = List.copyOf(ids);
        kwargs = List.copyOf(kwargs);
        checks = List.copyOf(checks);
    }

    /**
     * Reads and validates one prompt's instruction list and kwargs list (the dataset's two fields).
     *
     * @throws BadInputException naming the instruction (and kwarg) at fault
     */
    public static IfevalSpec of(JsonNode idList, JsonNode kwargsList) {
        if (idList == null || !idList.isArray() || idList.isEmpty()) {
            throw new BadInputException("instruction_id_list must be a non-empty list of instruction ids");
        }
        if (kwargsList == null || !kwargsList.isArray() || kwargsList.size() != idList.size()) {
            String got = kwargsList != null && kwargsList.isArray() ? kwargsList.size() + " kwargs objects" : "no list";
            throw new BadInputException("kwargs must be a list with one object per instruction (" + idList.size()
                    + " instructions, " + got + ")");
        }
        List<Instruction> ids = new ArrayList<>();
        List<ObjectNode> kwargs = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < idList.size(); i++) {
            JsonNode id = idList.get(i);
            if (!id.isTextual()) {
                throw new BadInputException("instruction_id_list[" + i + "] must be a string, got " + id);
            }
            Instruction instruction = Instruction.of(id.asText());
            ObjectNode k = withoutNulls(instruction, kwargsList.get(i));
            checks.add(instruction.bind(k));
            ids.add(instruction);
            kwargs.add(k);
        }
        return new IfevalSpec(ids, kwargs, checks);
    }

    /** Reads {@link #toJson()}'s form. */
    public static IfevalSpec parse(String json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (Exception e) {
            throw new BadInputException("expected answer is not IFEval JSON");
        }
        if (n == null || !n.isObject()) {
            throw new BadInputException("expected answer is not IFEval JSON");
        }
        return of(n.get("instruction_id_list"), n.get("kwargs"));
    }

    public String toJson() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("instruction_id_list");
        ids.forEach(i -> list.add(i.id()));
        ArrayNode kw = out.putArray("kwargs");
        kwargs.forEach(kw::add);
        return out.toString();
    }

    private static ObjectNode withoutNulls(Instruction instruction, JsonNode kwargs) {
        if (kwargs != null && !kwargs.isNull() && !kwargs.isObject()) {
            throw new BadInputException("instruction " + instruction.id() + ": kwargs must be a JSON object, got " + kwargs);
        }
        ObjectNode out = JSON.createObjectNode();
        if (kwargs != null && kwargs.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = kwargs.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    out.set(e.getKey(), e.getValue());
                }
            }
        }
        return out;
    }
}

package dev.claimcheck.core.suite.gaia2;

import dev.claimcheck.core.suite.data.ColumnKind;
import java.util.List;

/**
 * Where the loader finds what it reads, in one place (docs/workloads/gaia2.md, "What is read"). The parquet columns are
 * those of the dataset card's {@code dataset_info} for every config of {@code meta-agents-research-environments/gaia2};
 * the paths inside {@code data} follow ARE's scenario JSON ({@code ExportedTrace}: {@code events[]}, each with
 * {@code event_type}, {@code class_name} and {@code action} = {@code app}, {@code function}, {@code args[]} of
 * {@code name}/{@code value}). The two function names are ARE's AgentUserInterface: the user's task and the oracle's
 * answer to the user.
 */
final class Gaia2Columns {
    /** One column read from the parquet file and the kind it must have. */
    record Column(String name, ColumnKind kind, String meaning) {
    }

    static final Column ID = new Column("id", ColumnKind.TEXT, "row id (recorded in task meta)");
    static final Column SCENARIO_ID = new Column("scenario_id", ColumnKind.TEXT, "scenario id: the task id, and what the tool server is told");
    static final Column SPLIT = new Column("split", ColumnKind.TEXT, "split name (recorded in task meta)");
    static final Column DATA = new Column("data", ColumnKind.TEXT, "the scenario as ARE's JSON export (ExportedTrace)");
    static final List<Column> ALL = List.of(ID, SCENARIO_ID, SPLIT, DATA);

    /** Inside {@code data}. */
    static final String EVENTS = "events";
    static final String EVENT_TYPE = "event_type";
    static final String CLASS_NAME = "class_name";
    static final String ACTION = "action";
    static final String FUNCTION = "function";
    static final String ARGS = "args";
    static final String ARG_NAME = "name";
    static final String ARG_VALUE = "value";
    /** The user's task: an event of type USER calling this function with argument {@link #CONTENT}. */
    static final String USER_EVENT_TYPE = "USER";
    static final String TASK_FUNCTION = "send_message_to_agent";
    /** The reference answer: an oracle event calling this function with argument {@link #CONTENT}. */
    static final String ORACLE_CLASS = "OracleEvent";
    static final String ANSWER_FUNCTION = "send_message_to_user";
    static final String CONTENT = "content";

    private Gaia2Columns() {
    }
}

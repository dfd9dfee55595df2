package dev.claimcheck.core.suite.tau2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.tau2.Termination;
import org.junit.jupiter.api.Test;

/** Upstream's protocol for ending a trial: its user stop tokens and its orchestrator's step count. */
class Tau2StepsTest {
    @Test
    void eachOfUpstreamsUserTokensEndsTheConversation() {
        assertThat(Tau2UserSimulator.isStop("Thanks! ###STOP###")).isTrue();
        assertThat(Tau2UserSimulator.isStop("###TRANSFER###")).isTrue();
        assertThat(Tau2UserSimulator.isStop("That is not something you do. ###OUT-OF-SCOPE###")).isTrue();
        assertThat(Tau2UserSimulator.isStop("###OUT_OF_SCOPE###")).isFalse(); // upstream's token has hyphens
        assertThat(Tau2UserSimulator.isStop("please transfer me")).isFalse();
    }

    @Test
    void everyMessageIsAStepAndTheBudgetIsCheckedOnlyWhenTheEnvironmentIsNotNext() {
        Tau2Episode.Steps steps = new Tau2Episode.Steps(4);
        assertThat(steps.afterTurn(null)).isNull(); // 1: the user speaks
        steps.toEnvironment(); // 2: the agent calls a tool
        assertThat(steps.afterTurn(null)).isNull(); // 3: the tool results go back to the agent
        assertThat(steps.afterTurn(null)).isEqualTo(Termination.MAX_STEPS); // 4: the agent speaks
    }

    @Test
    void aStopThatReachesTheBudgetIsRecordedAsMaxStepsAsUpstreamRecordsIt() {
        Tau2Episode.Steps steps = new Tau2Episode.Steps(2);
        assertThat(steps.afterTurn(null)).isNull();
        assertThat(steps.afterTurn(Termination.USER_STOP)).isEqualTo(Termination.MAX_STEPS);
        assertThat(new Tau2Episode.Steps(3).afterTurn(Termination.USER_STOP)).isEqualTo(Termination.USER_STOP);
    }
}

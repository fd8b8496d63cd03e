// Question 7: What is pinning in Rust, and why is it important?
//
// A company is a tree of teams. Before a team's budget counts, finance has to approve it,
// which is an async call. `total_budget` adds up the approved budgets of a team and of
// every team below it, calling itself for each sub-team. The file does not compile.
//
// Read the compiler's explanation and make `total_budget` compile. Keep it a recursive
// async fn that asks for the approvals in the same order.

use std::sync::Mutex;

pub struct Team {
    pub name: String,
    pub budget: u64,
    pub subteams: Vec<Team>,
}

/// The finance department, which keeps a journal of the teams it approved.
#[derive(Default)]
pub struct Finance {
    journal: Mutex<Vec<String>>,
}

impl Finance {
    pub fn journal(&self) -> Vec<String> {
        self.journal.lock().unwrap().clone()
    }

    async fn approve(&self, team: &Team) -> u64 {
        // Finance takes its time.
        tokio::task::yield_now().await;
        self.journal.lock().unwrap().push(team.name.clone());
        team.budget
    }
}

/// The approved budget of `team` and of all the teams below it.
pub async fn total_budget(team: &Team, finance: &Finance) -> u64 {
    let mut total = finance.approve(team).await;
    for subteam in &team.subteams {
        total += total_budget(subteam, finance).await;
    }
    total
}

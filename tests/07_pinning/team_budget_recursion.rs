use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

use ::tokio;

// The kit's counting allocator, shared by the hidden tests that check heap use.
#[path = "../exercise_support/counting.rs"]
mod counting;

fn team(name: &str, budget: u64, subteams: Vec<Team>) -> Team {
    Team {
        name: name.to_string(),
        budget,
        subteams,
    }
}

fn company() -> Team {
    team(
        "HQ",
        1_000,
        vec![
            team(
                "Engineering",
                5_000,
                vec![
                    team("Platform", 2_000, vec![]),
                    team("Mobile", 1_500, vec![]),
                ],
            ),
            team("Sales", 3_000, vec![team("EMEA", 700, vec![])]),
            team("Legal", 400, vec![]),
        ],
    )
}

#[tokio::test]
async fn adds_up_the_whole_company() {
    let finance = Finance::default();
    assert_eq!(total_budget(&company(), &finance).await, 13_600);
}

#[tokio::test]
async fn approves_each_team_before_the_teams_below_it() {
    let finance = Finance::default();
    total_budget(&company(), &finance).await;
    assert_eq!(
        finance.journal(),
        [
            "HQ",
            "Engineering",
            "Platform",
            "Mobile",
            "Sales",
            "EMEA",
            "Legal"
        ]
    );
}

#[tokio::test]
async fn a_single_team() {
    let finance = Finance::default();
    assert_eq!(total_budget(&team("Solo", 42, vec![]), &finance).await, 42);
    assert_eq!(finance.journal(), ["Solo"]);
}

#[tokio::test]
async fn a_subtree_on_its_own() {
    let finance = Finance::default();
    let hq = company();
    assert_eq!(total_budget(&hq.subteams[1], &finance).await, 3_700);
    assert_eq!(finance.journal(), ["Sales", "EMEA"]);
}

#[tokio::test]
async fn a_deep_chain_of_command() {
    let mut chain = team("level 300", 3, vec![]);
    for level in (0..300).rev() {
        chain = team(&format!("level {level}"), 1, vec![chain]);
    }
    let finance = Finance::default();
    assert_eq!(total_budget(&chain, &finance).await, 303);
    assert_eq!(finance.journal().len(), 301);
    assert_eq!(finance.journal()[300], "level 300");
}

#[test]
fn each_sub_team_is_its_own_recursive_call() {
    // A recursive async fn must box the future of its recursive calls: at the very least one
    // allocation for each sub-team that has sub-teams of its own, on top of the one the
    // journal makes for each approved name. A loop (or a flat list of the teams) would make
    // only the journal's, whatever the shape of the tree.
    for (branches, depth) in [(4, 30), (2, 60)] {
        let chains = (0..branches)
            .map(|b| {
                let mut chain = team(&format!("Chain {b} level {depth}"), 2, vec![]);
                for level in (1..depth).rev() {
                    chain = team(&format!("Chain {b} level {level}"), 2, vec![chain]);
                }
                chain
            })
            .collect();
        let company = team("Board", 1, chains);
        let teams = 1 + branches * depth;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let finance = Finance::default();
        let (total, usage) =
            counting::measure(|| runtime.block_on(total_budget(&company, &finance)));
        assert_eq!(total, 1 + 2 * teams as u64 - 2);
        assert_eq!(finance.journal().len(), teams);
        assert!(
            usage.allocations >= teams + branches * (depth - 1),
            "{} allocations for {teams} teams: `total_budget` must stay a recursive async fn, \
             whose call for each sub-team is a future of its own, boxed",
            usage.allocations
        );
    }
}

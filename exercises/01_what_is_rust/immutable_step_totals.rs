// Question 1: What is Rust, and where is it mostly used?
// Feature: variables are immutable unless declared otherwise, and iterators are a zero-cost
// abstraction (once optimised, a chain of adapters is as fast as a hand-written loop).
//
// A fitness tracker stores one step count per day. `weekly_summary` must return the total number
// of steps and how many days reached the goal. It does not compile: the compiler refuses to change
// values that were never declared changeable.
//
// Make it compile and pass the tests. Then ask yourself whether the loop needs to change anything
// at all: could the two numbers be computed without any mutable variable?

#[derive(Debug, PartialEq)]
struct Summary {
    total_steps: u64,
    days_at_goal: usize,
}

fn weekly_summary(daily_steps: &[u32], goal: u32) -> Summary {
    // TODO
    let total_steps = 0;
    let days_at_goal = 0;
    for i in 0..daily_steps.len() {
        total_steps += u64::from(daily_steps[i]);
        if daily_steps[i] >= goal {
            days_at_goal += 1;
        }
    }
    Summary {
        total_steps,
        days_at_goal,
    }
}

fn main() {
    let week = [4_200, 9_800, 12_050, 7_999, 8_000, 15_300, 3_100];
    println!("{:?}", weekly_summary(&week, 8_000));
}

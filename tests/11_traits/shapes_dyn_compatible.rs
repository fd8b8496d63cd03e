use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn a_plan_holds_different_shapes() {
    let mut plan = FloorPlan::default();
    plan.add(Rect {
        width: 4.0,
        depth: 3.0,
    });
    plan.add(Corner { a: 2.0, b: 5.0 });
    plan.add(Circle { radius: 1.0 });
    assert_eq!(plan.rooms.len(), 3);
    assert!(close(plan.total_area(), 12.0 + 5.0 + std::f64::consts::PI));
}

#[test]
fn calls_through_dyn_shape_reach_each_type() {
    let rooms: Vec<Box<dyn Shape>> = vec![
        Box::new(Circle { radius: 2.0 }),
        Box::new(Rect {
            width: 1.5,
            depth: 2.0,
        }),
    ];
    let labels: Vec<String> = rooms.iter().map(|room| room.label()).collect();
    assert_eq!(labels, ["circle of radius 2", "1.5 x 2 rectangle"]);
    let borrowed: &dyn Shape = &Corner { a: 3.0, b: 4.0 };
    assert!(close(borrowed.area(), 6.0));
}

#[test]
fn scaled_still_works_on_concrete_shapes() {
    let hall = Rect {
        width: 2.0,
        depth: 3.0,
    };
    let bigger: Rect = hall.scaled(2.0);
    assert_eq!(
        bigger,
        Rect {
            width: 4.0,
            depth: 6.0
        }
    );
    assert!(close(bigger.area(), 4.0 * hall.area()));
    assert_eq!(Circle { radius: 1.5 }.scaled(2.0), Circle { radius: 3.0 });
    assert_eq!(
        Corner { a: 1.0, b: 2.0 }.scaled(0.5),
        Corner { a: 0.5, b: 1.0 }
    );
}

#[test]
fn largest_room() {
    let mut plan = FloorPlan::default();
    assert_eq!(plan.largest(), None);
    plan.add(Corner { a: 4.0, b: 4.0 });
    plan.add(Rect {
        width: 2.0,
        depth: 4.0,
    });
    plan.add(Circle { radius: 1.0 }.scaled(2.0));
    assert_eq!(plan.largest().as_deref(), Some("circle of radius 2"));
}

#[test]
fn a_new_shape_joins_the_plan() {
    struct Stage {
        side: f64,
    }
    impl Shape for Stage {
        fn area(&self) -> f64 {
            self.side * self.side
        }
        fn label(&self) -> String {
            "stage".into()
        }
        fn scaled(&self, factor: f64) -> Stage {
            Stage {
                side: self.side * factor,
            }
        }
    }
    let mut plan = FloorPlan::default();
    plan.add(Stage { side: 3.0 }.scaled(2.0));
    plan.add(Rect {
        width: 1.0,
        depth: 1.0,
    });
    assert!(close(plan.total_area(), 37.0));
    assert_eq!(plan.largest().as_deref(), Some("stage"));
}

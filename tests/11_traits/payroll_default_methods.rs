use super::*;
// The prelude's types by name: a type of the exercise's own by one of these names cannot take
// their place here (a named import wins over `super::*`; see CONTRIBUTING.md).
#[allow(unused_imports)]
use std::prelude::rust_2024::{Box, Err, None, Ok, Option, Result, Some, String, ToString, Vec};

fn engineer() -> Engineer {
    Engineer {
        name: "Wen".into(),
        salary: 5200,
    }
}

fn manager(reports: u32) -> Manager {
    Manager {
        name: "Ines".into(),
        salary: 6000,
        reports,
    }
}

#[test]
fn engineers_and_interns_inherit_the_defaults() {
    assert_eq!(engineer().bonus(), 0);
    assert_eq!(engineer().total_pay(), 5200);
    let intern = Intern {
        name: "Tom".into(),
        stipend: 1400,
    };
    assert_eq!(intern.bonus(), 0);
    assert_eq!(intern.total_pay(), 1400);
    assert_eq!(intern.payslip(), "Tom: 1400");
}

#[test]
fn managers_override_only_the_bonus() {
    assert_eq!(manager(3).bonus(), 600 + 1500);
    assert_eq!(manager(3).total_pay(), 6000 + 2100);
    assert_eq!(manager(0).total_pay(), 6600);
    assert_eq!(manager(2).payslip(), "Ines: 7600");
}

#[test]
fn the_override_is_used_through_a_trait_object() {
    let staff: Box<dyn Staff> = Box::new(manager(1));
    assert_eq!(staff.bonus(), 1100);
    assert_eq!(staff.total_pay(), 7100);
}

#[test]
fn payroll_adds_up_a_mixed_team() {
    let team: Vec<Box<dyn Staff>> = vec![
        Box::new(engineer()),
        Box::new(manager(2)),
        Box::new(Intern {
            name: "Tom".into(),
            stipend: 1400,
        }),
    ];
    assert_eq!(payroll(&team), 5200 + 7600 + 1400);
    assert_eq!(payroll(&[]), 0);
}

#[test]
fn a_new_kind_of_staff_gets_the_defaults_for_free() {
    struct Contractor {
        day_rate: u32,
        days: u32,
    }
    impl Staff for Contractor {
        fn name(&self) -> &str {
            "contractor"
        }
        fn base_salary(&self) -> u32 {
            self.day_rate * self.days
        }
    }
    let c = Contractor {
        day_rate: 300,
        days: 12,
    };
    assert_eq!(c.bonus(), 0);
    assert_eq!(c.payslip(), "contractor: 3600");
}

#[test]
fn overriding_total_pay_changes_the_payslip() {
    struct Volunteer;
    impl Staff for Volunteer {
        fn name(&self) -> &str {
            "volunteer"
        }
        fn base_salary(&self) -> u32 {
            900
        }
        fn total_pay(&self) -> u32 {
            0
        }
    }
    assert_eq!(Volunteer.payslip(), "volunteer: 0");
}

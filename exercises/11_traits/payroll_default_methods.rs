// Question 11: How do you implement inheritance in Rust?
//
// Rust has no base classes. Behaviour that many types share goes into a trait, and a trait
// method that has a body is a default: every implementor inherits it, and an implementor that
// writes its own version of the method overrides it.
//
// Every member of staff has a name and a base salary. By default they get no bonus, and their
// total pay is their base salary plus their bonus. Managers get a bonus: a tenth of their
// salary plus 500 per person reporting to them.
//
// The impls below do not compile: `bonus` and `total_pay` have no body in the trait, so every
// type would have to write its own. Give them default bodies in the trait, so that engineers
// and interns inherit them and managers override only `bonus`.

trait Staff {
    fn name(&self) -> &str;
    fn base_salary(&self) -> u32;

    // TODO: give these two methods default bodies.
    fn bonus(&self) -> u32;
    fn total_pay(&self) -> u32;

    fn payslip(&self) -> String {
        format!("{}: {}", self.name(), self.total_pay())
    }
}

struct Engineer {
    name: String,
    salary: u32,
}

struct Intern {
    name: String,
    stipend: u32,
}

struct Manager {
    name: String,
    salary: u32,
    reports: u32,
}

impl Staff for Engineer {
    fn name(&self) -> &str {
        &self.name
    }

    fn base_salary(&self) -> u32 {
        self.salary
    }
}

impl Staff for Intern {
    fn name(&self) -> &str {
        &self.name
    }

    fn base_salary(&self) -> u32 {
        self.stipend
    }
}

impl Staff for Manager {
    fn name(&self) -> &str {
        &self.name
    }

    fn base_salary(&self) -> u32 {
        self.salary
    }

    fn bonus(&self) -> u32 {
        self.salary / 10 + 500 * self.reports
    }
}

/// What the whole team costs in a month.
fn payroll(team: &[Box<dyn Staff>]) -> u32 {
    team.iter().map(|member| member.total_pay()).sum()
}

fn main() {
    let team: Vec<Box<dyn Staff>> = vec![
        Box::new(Engineer {
            name: "Wen".into(),
            salary: 5200,
        }),
        Box::new(Manager {
            name: "Ines".into(),
            salary: 6000,
            reports: 3,
        }),
    ];
    for member in &team {
        println!("{}", member.payslip());
    }
}

// Question 11: How do you implement inheritance in Rust?
//
// Where another language would keep a list of base-class pointers, Rust keeps trait objects:
// a `Box<dyn Shape>` can own any type that implements `Shape`, and each call through it goes
// through a table of function pointers (a vtable), chosen at run time like a virtual call.
// Only a "dyn compatible" trait can be used this way: one vtable must be able to serve every
// implementor, so no method may, for example, return `Self` by value, whose size differs from
// type to type.
//
// The floor plan keeps its rooms as `Box<dyn Shape>`, and it does not compile because of
// `Shape::scaled`. Keep `scaled` in the trait (callers use it on concrete shapes, such as a
// `Rect`) and make `Shape` usable as `dyn Shape` again.

trait Shape {
    fn area(&self) -> f64;
    fn label(&self) -> String;

    // `where Self: Sized` leaves this method out of the vtable: it can be called on any
    // concrete shape, but not through a `dyn Shape`, and the rest of the trait stays usable
    // as a trait object.
    fn scaled(&self, factor: f64) -> Self
    where
        Self: Sized;
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    width: f64,
    depth: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Circle {
    radius: f64,
}

/// A right triangle, given by its two short sides.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Corner {
    a: f64,
    b: f64,
}

impl Shape for Rect {
    fn area(&self) -> f64 {
        self.width * self.depth
    }

    fn label(&self) -> String {
        format!("{} x {} rectangle", self.width, self.depth)
    }

    fn scaled(&self, factor: f64) -> Rect {
        Rect {
            width: self.width * factor,
            depth: self.depth * factor,
        }
    }
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.radius * self.radius
    }

    fn label(&self) -> String {
        format!("circle of radius {}", self.radius)
    }

    fn scaled(&self, factor: f64) -> Circle {
        Circle {
            radius: self.radius * factor,
        }
    }
}

impl Shape for Corner {
    fn area(&self) -> f64 {
        self.a * self.b / 2.0
    }

    fn label(&self) -> String {
        format!("corner {} by {}", self.a, self.b)
    }

    fn scaled(&self, factor: f64) -> Corner {
        Corner {
            a: self.a * factor,
            b: self.b * factor,
        }
    }
}

#[derive(Default)]
struct FloorPlan {
    rooms: Vec<Box<dyn Shape>>,
}

impl FloorPlan {
    fn add(&mut self, room: impl Shape + 'static) {
        self.rooms.push(Box::new(room));
    }

    fn total_area(&self) -> f64 {
        self.rooms.iter().map(|room| room.area()).sum()
    }

    /// The label of the room with the largest area (the first, if several are as large).
    fn largest(&self) -> Option<String> {
        let mut best: Option<&dyn Shape> = None;
        for room in &self.rooms {
            if best.is_none_or(|b| room.area() > b.area()) {
                best = Some(room.as_ref());
            }
        }
        best.map(|room| room.label())
    }
}

fn main() {
    let mut plan = FloorPlan::default();
    plan.add(Rect {
        width: 4.0,
        depth: 3.0,
    });
    plan.add(Circle { radius: 1.5 }.scaled(2.0));
    println!("{:.1} m2, largest: {:?}", plan.total_area(), plan.largest());
}

use super::*;

fn g(station: u32, depth_mm: i32) -> Gauge {
    Gauge { station, depth_mm }
}

fn depths(readings: &[Gauge]) -> Vec<i32> {
    readings.iter().map(|r| r.depth_mm).collect()
}

#[test]
fn sorts_shallowest_first() {
    let mut readings = [g(1, 1_250), g(2, -40), g(3, 800)];
    sort_by_depth(&mut readings);
    assert_eq!(readings, [g(2, -40), g(3, 800), g(1, 1_250)]);
}

#[test]
fn empty_and_single_reading_lists() {
    let mut none: [Gauge; 0] = [];
    sort_by_depth(&mut none);
    let mut one = [g(9, 3)];
    sort_by_depth(&mut one);
    assert_eq!(one, [g(9, 3)]);
}

#[test]
fn extreme_depths_compare_correctly() {
    let mut readings = [g(1, i32::MAX), g(2, 0), g(3, i32::MIN), g(4, -1), g(5, 1)];
    sort_by_depth(&mut readings);
    assert_eq!(depths(&readings), [i32::MIN, -1, 0, 1, i32::MAX]);
    assert_eq!(readings[0].station, 3);
    assert_eq!(readings[4].station, 1);
}

#[test]
fn equal_depths_keep_every_reading() {
    let mut readings = [g(1, 5), g(2, 3), g(3, 5), g(4, 3), g(5, 5)];
    sort_by_depth(&mut readings);
    assert_eq!(depths(&readings), [3, 3, 5, 5, 5]);
    let mut stations: Vec<u32> = readings.iter().map(|r| r.station).collect();
    stations.sort();
    assert_eq!(stations, [1, 2, 3, 4, 5]);
}

#[test]
fn agrees_with_rusts_own_sort_on_many_readings() {
    let mut seed: u32 = 12_345;
    let mut readings: Vec<Gauge> = (0..2_000)
        .map(|station| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            g(station, (seed >> 8) as i32 - (1 << 23))
        })
        .collect();
    let mut expected = readings.clone();
    expected.sort_by_key(|r| (r.depth_mm, r.station));
    sort_by_depth(&mut readings);
    assert_eq!(depths(&readings), depths(&expected));
    readings.sort_by_key(|r| (r.depth_mm, r.station));
    assert_eq!(readings, expected);
}

#[test]
fn sorts_only_the_slice_it_is_given() {
    let mut readings = [g(1, 9), g(2, 8), g(3, 7), g(4, 6), g(5, 5)];
    sort_by_depth(&mut readings[1..4]);
    assert_eq!(depths(&readings), [9, 6, 7, 8, 5]);
}

// `by_depth` trusts whatever pointers it gets, so only an `unsafe fn` is honest about it:
// as a safe fn, it would let safe code hand it dangling pointers. If it is safe, the
// `unsafe` block below is unnecessary, and this test makes that an error.
#[test]
#[deny(unused_unsafe)]
fn the_comparator_says_which_is_deeper() {
    let shallow = g(1, -3);
    let deep = g(2, 40);
    let also_deep = g(3, 40);
    let p = |r: &Gauge| std::ptr::from_ref(r).cast::<c_void>();
    // SAFETY: both pointers come from live `Gauge`s that nothing writes to.
    let cmp = |a, b| unsafe { by_depth(p(a), p(b)) }; // error? by_depth must be an unsafe fn
    let (lt, gt, eq) = (
        cmp(&shallow, &deep),
        cmp(&deep, &shallow),
        cmp(&deep, &also_deep),
    );
    assert!(lt < 0 && gt > 0 && eq == 0, "got {lt}, {gt}, {eq}");
}

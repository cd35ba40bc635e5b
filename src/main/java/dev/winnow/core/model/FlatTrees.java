package dev.winnow.core.model;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.classification.GradientTreeBoost;
import smile.regression.RegressionTree;

/**
 * A {@link GradientTreeBoost} context pass laid out as flat arrays, built once when
 * a model is loaded. Smile's {@code predict} projects the row into a new tuple for the ensemble
 * and again for each of its trees (300 of them for 60 rounds of 5 classes), then follows
 * objects; here a block's row is read in place. Every sum and the softmax are done in Smile's
 * order, so the probabilities are Smile's to the last bit ({@code LabellerTest} holds it to
 * that). Smile keeps a split's threshold and the ensemble's shrinkage private, so they are read
 * by reflection, and anything unexpected (another Smile, a nominal split) leaves the model to
 * Smile's own {@code predict}.
 */
final class FlatTrees implements ContextModel {
    private static final long serialVersionUID = 1L;

    private final int classes;
    private final int treesPerClass;
    private final double shrinkage;
    /** A two-class ensemble's starting score (Smile's {@code b}); its one sum is the log-odds over two. */
    private final double intercept;
    /** The root node of tree {@code t} of class {@code c} is {@code roots[c * treesPerClass + t]}. */
    private final int[] roots;
    /**
     * Per node {@code i}: {@code split[2i]} the feature it splits on, or -1 for a leaf, and
     * {@code split[2i + 1]} its false child. Nodes are in pre-order, so the true child of node
     * {@code i} is node {@code i + 1}: a tree's walk reads forward through two small arrays.
     */
    private final int[] split;
    /** Per node: the split's threshold (x ≤ threshold goes to the true child), or the leaf's output. */
    private final double[] value;
    private final int[] classSlots;
    private final String description;

    private FlatTrees(int classes, int treesPerClass, double shrinkage, double intercept, List<Node> trees, int[] classSlots,
                      String description) throws ReflectiveOperationException {
        this.classes = classes;
        this.treesPerClass = treesPerClass;
        this.shrinkage = shrinkage;
        this.intercept = intercept;
        this.classSlots = classSlots;
        this.description = description;
        List<Node> nodes = new ArrayList<>();
        roots = new int[trees.size()];
        for (int t = 0; t < trees.size(); t++) {
            roots[t] = nodes.size();
            collect(trees.get(t), nodes);
        }
        Field threshold = OrdinalNode.class.getDeclaredField("value");
        threshold.setAccessible(true);
        int n = nodes.size();
        split = new int[2 * n];
        value = new double[n];
        IdentityHashMap<Node, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i), i);
        }
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            if (node instanceof OrdinalNode ordinal) {
                if (index.get(ordinal.trueChild()) != i + 1) {
                    throw new IllegalStateException("nodes are not in pre-order");
                }
                split[2 * i] = ordinal.feature();
                split[2 * i + 1] = index.get(ordinal.falseChild());
                value[i] = threshold.getDouble(ordinal);
            } else {
                split[2 * i] = -1;
                value[i] = ((RegressionNode) node).output();
            }
        }
    }

    /**
     * The flat form of {@code context}, or null when it is not a boosted-tree pass made only of
     * numeric splits.
     */
    static FlatTrees of(ContextModel context) {
        if (!(context instanceof TreeContextModel model) || !(model.trees() instanceof GradientTreeBoost gbt)) {
            return null;
        }
        try {
            int k = gbt.numClasses();
            RegressionTree[] all = gbt.trees();
            if (k < 2 || k > 2 && all.length % k != 0) {
                return null;
            }
            List<Node> roots = new ArrayList<>();
            for (RegressionTree tree : all) {
                if (!numeric(tree.root())) {
                    return null;
                }
                roots.add(tree.root());
            }
            Field shrinkage = GradientTreeBoost.class.getDeclaredField("shrinkage");
            shrinkage.setAccessible(true);
            double intercept = 0;
            if (k == 2) {
                Field b = GradientTreeBoost.class.getDeclaredField("b");
                b.setAccessible(true);
                intercept = b.getDouble(gbt);
            }
            return new FlatTrees(k, k == 2 ? all.length : all.length / k, shrinkage.getDouble(gbt), intercept, roots, model.classes(),
                    model.describe());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public int predict(double[] x, double[] probabilities) {
        double[] posterior = new double[classes];
        if (classes == 2) {
            double y = intercept;
            for (int t = 0; t < treesPerClass; t++) {
                y += shrinkage * leaf(roots[t], x);
            }
            posterior[0] = 1.0 / (1.0 + Math.exp(2.0 * y));
            posterior[1] = 1.0 - posterior[0];
            return ClassIndex.toLabels(classSlots, posterior, probabilities);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double sum = 0;
            for (int t = c * treesPerClass, end = t + treesPerClass; t < end; t++) {
                sum += shrinkage * leaf(roots[t], x);
            }
            posterior[c] = sum;
            if (sum > max) {
                max = sum;
            }
        }
        double total = 0;
        for (int c = 0; c < classes; c++) {
            posterior[c] = Math.exp(posterior[c] - max);
            total += posterior[c];
        }
        for (int c = 0; c < classes; c++) {
            posterior[c] /= total;
        }
        return ClassIndex.toLabels(classSlots, posterior, probabilities);
    }

    private double leaf(int node, double[] x) {
        int feature;
        while ((feature = split[2 * node]) >= 0) {
            node = x[feature] <= value[node] ? node + 1 : split[2 * node + 1];
        }
        return value[node];
    }

    @Override
    public String describe() {
        return description;
    }

    private static void collect(Node node, List<Node> out) {
        out.add(node);
        if (node instanceof InternalNode split) {
            collect(split.trueChild(), out);
            collect(split.falseChild(), out);
        }
    }

    private static boolean numeric(Node node) {
        if (node instanceof OrdinalNode split) {
            return numeric(split.trueChild()) && numeric(split.falseChild());
        }
        return node instanceof RegressionNode;
    }
}
